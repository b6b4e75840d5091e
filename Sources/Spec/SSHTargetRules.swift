import HostCommands
import Localization

/// What a manifest's `spec.ssh` may hold beyond what `SSHTarget` parses: the user and host end up in
/// ssh's command line and in `ssh -G` output parsing, so only name and address characters pass.
enum SSHTargetRules {
    static func problem(_ text: String) -> LocalizedMessage? {
        let target: SSHTarget
        do {
            target = try SSHTarget(parsing: text)
        } catch {
            switch error {
            case .invalid(_, let reason): return reason
            }
        }
        if let user = target.user, !user.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
            return LocalizedMessage("spec.sshTargetUser")
        }
        let isIPv6 = text.contains("[")
        guard isIPv6 ? IPv6Address.isValid(target.host)
            : target.host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) }) else {
            return LocalizedMessage("spec.sshTargetHost")
        }
        return nil
    }
}
