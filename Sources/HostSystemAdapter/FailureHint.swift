import HostProbe
import Localization
import Reconciler

/// Turns a failed host command's stderr into the next thing a user should do.
struct FailureHint {
    let builder: HostCommandBuilder

    var distribution: Distribution { builder.distribution }

    func hint(for action: Action, stderr: String) -> LocalizedMessage {
        let text = stderr.lowercased()
        if text.contains("a password is required") || text.contains("a terminal is required") {
            return LocalizedMessage("adapter.hint.sudo")
        }
        if text.contains("/dev/kvm") && text.contains("permission denied") {
            return LocalizedMessage("adapter.hint.kvmGroup")
        }
        switch action {
        case .installPackages(let packages):
            if Self.packageNotFound(text) { return repositoryHint(packages) }
            if text.contains("could not get lock") || text.contains("is locked") {
                return LocalizedMessage("adapter.hint.packageLock")
            }
            return LocalizedMessage("adapter.hint.installByHand")
        case .enableService(let name), .startService(let name):
            return LocalizedMessage("adapter.hint.serviceFailed", ["service": name, "log": builder.daemonLogHint(name)])
        case .addUserToGroup(_, let group):
            if text.contains("group") && text.contains("does not exist") {
                return LocalizedMessage("adapter.hint.groupMissing", ["group": group])
            }
            return LocalizedMessage("adapter.hint.localAccount")
        default:
            return LocalizedMessage("adapter.hint.runByHand")
        }
    }

    static func packageNotFound(_ text: String) -> Bool {
        ["unable to locate package", "no match for argument", "not found in package names", "no provider of",
         "unable to select packages", "has no installation candidate", "package not found"].contains { text.contains($0) }
    }

    func repositoryHint(_ packages: [String]) -> LocalizedMessage {
        let list = ["packages": packages.joined(separator: ", ")]
        let family = [distribution.id] + distribution.idLike
        if family.contains("ubuntu") { return LocalizedMessage("adapter.hint.repository.ubuntu", list) }
        if family.contains("debian") { return LocalizedMessage("adapter.hint.repository.debian", list) }
        if distribution.id == "fedora" { return LocalizedMessage("adapter.hint.repository.fedora", list) }
        if family.contains(where: { ["rhel", "centos", "rocky", "almalinux"].contains($0) }) {
            return LocalizedMessage("adapter.hint.repository.appstream", list)
        }
        if distribution.id == "alpine" { return LocalizedMessage("adapter.hint.repository.alpine", list) }
        if family.contains(where: { $0.hasPrefix("opensuse") || $0 == "suse" || $0 == "sles" }) {
            return LocalizedMessage("adapter.hint.repository.suse", list)
        }
        return LocalizedMessage("adapter.hint.repository.other", list)
    }
}
