import HostCommands
import Localization

extension SSHTransport {
    /// Retries a real handshake (running `true`) until it succeeds or `timeout` passes: a booting
    /// guest refuses connections, then may answer with another guest's key from a stale lease.
    /// Returns every attempt; throws `.timeout` listing what the last attempts saw.
    public func waitForSSH(
        timeout: Duration,
        interval: Duration = .seconds(2),
        onAttempt: (@Sendable (SSHAttempt) -> Void)? = nil
    ) async throws -> [SSHAttempt] {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + timeout
        var attempts: [SSHAttempt] = []
        while true {
            let remaining = deadline - clock.now
            let perAttempt = min(Duration.seconds(options.connectTimeout + 5), max(remaining, .seconds(1)))
            let outcome: SSHAttempt.Outcome
            let detail: LocalizedMessage?
            do throws(ProcessError) {
                let result = try await run(["true"], input: nil, timeout: perAttempt)
                outcome = SSHAttempt.classify(result)
                let said = result.standardError.trimmed(of: " \n\r")
                detail = said.isEmpty ? nil : .verbatim(said)
            } catch where error.code == .timeout {
                outcome = .timedOut
                detail = LocalizedMessage("provisioning.sshNoAnswerWithin", ["seconds": perAttempt.secondsText])
            } catch {
                throw ProvisioningError(error)
            }
            let attempt = SSHAttempt(number: attempts.count + 1, elapsed: clock.now - start, outcome: outcome, detail: detail)
            attempts.append(attempt)
            onAttempt?(attempt)
            if outcome == .connected { return attempts }
            if clock.now + interval >= deadline {
                let recent = LocalizedText.joined(attempts.suffix(3).map(\.text), separator: .verbatim("; "))
                let summary = LocalizedText(LocalizedMessage("provisioning.sshNotReachable", [
                    "host": "\(host)", "seconds": timeout.secondsText, "attempts": String(attempts.count),
                ]))
                throw ProvisioningError(.timeout, summary + recent)
            }
            try await Task.sleep(for: interval)
        }
    }
}
