import HostCommands
import Localization

/// One try of `waitForSSH`: what the handshake saw.
public struct SSHAttempt: Sendable, Hashable, CustomStringConvertible {
    public enum Outcome: String, Sendable, Hashable {
        /// Handshake with the pinned key and login succeeded.
        case connected
        case connectionRefused
        case timedOut
        case unreachable
        /// The server presented a key other than the pinned one (a stale DHCP lease
        /// pointing at another guest, or a guest whose seed was not applied).
        case hostKeyMismatch
        case authenticationFailed
        case other
    }

    public let number: Int
    public let elapsed: Duration
    public let outcome: Outcome
    /// ssh's stderr, trimmed (no secrets: ssh prints no key material on failure), or reconcile's own
    /// words when ssh said nothing (it did not answer in time); nil when there is nothing to add.
    public let detail: LocalizedMessage?

    public init(number: Int, elapsed: Duration, outcome: Outcome, detail: LocalizedMessage?) {
        self.number = number
        self.elapsed = elapsed
        self.outcome = outcome
        self.detail = detail
    }

    /// `attempt 2 at 4.1s: connectionRefused: …`; the outcome is an identifier and ssh's words stay ssh's.
    public var text: LocalizedText {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let attempt = LocalizedText(LocalizedMessage("provisioning.sshAttempt", [
            "number": String(number), "seconds": String(format: "%.1f", seconds), "outcome": outcome.rawValue,
        ]))
        return detail.map { attempt + .verbatim(": ") + $0 } ?? attempt
    }

    public var description: String { text.description }

    /// Classifies an `ssh ... true` result. ssh exits 255 for its own errors; any other
    /// status came from the remote command, so the handshake worked.
    public static func classify(_ result: ProcessResult) -> Outcome {
        if result.exitStatus != 255 { return .connected }
        let stderr = result.standardError
        if stderr.contains("Host key verification failed") || stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")
            || stderr.contains("host key is known") {
            return .hostKeyMismatch
        }
        if stderr.contains("Permission denied") { return .authenticationFailed }
        if stderr.contains("Connection refused") { return .connectionRefused }
        if stderr.contains("timed out") { return .timedOut }
        if stderr.contains("No route to host") || stderr.contains("Network is unreachable") { return .unreachable }
        return .other
    }
}
