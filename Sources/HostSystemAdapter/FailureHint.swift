import HostProbe
import Reconciler

/// Turns a failed host command's stderr into the next thing a user should do.
struct FailureHint {
    let builder: HostCommandBuilder

    var distribution: Distribution { builder.distribution }

    func hint(for action: Action, stderr: String) -> String {
        let text = stderr.lowercased()
        if text.contains("a password is required") || text.contains("a terminal is required") {
            return "run reconcile as root, or allow this user passwordless sudo for package and service commands"
        }
        if text.contains("/dev/kvm") && text.contains("permission denied") {
            return "add the user to the kvm group (usermod -aG kvm USER, or list it in spec.users) and log in again"
        }
        switch action {
        case .installPackages(let packages):
            if Self.packageNotFound(text) { return repositoryHint(packages) }
            if text.contains("could not get lock") || text.contains("is locked") {
                return "another package manager run holds the lock; wait for it to finish and run apply again"
            }
            return "run the install by hand to see the package manager's full output"
        case .enableService(let name), .startService(let name):
            return "see why \(name) failed: \(builder.daemonLogHint(name))"
        case .addUserToGroup(_, let group):
            if text.contains("group") && text.contains("does not exist") {
                return "the \(group) group comes with the libvirt packages: check that they installed"
            }
            return "check that the account exists and is a local one (not from LDAP or SSSD)"
        default:
            return "run the command by hand to see more"
        }
    }

    static func packageNotFound(_ text: String) -> Bool {
        ["unable to locate package", "no match for argument", "not found in package names", "no provider of",
         "unable to select packages", "has no installation candidate", "package not found"].contains { text.contains($0) }
    }

    func repositoryHint(_ packages: [String]) -> String {
        let list = packages.joined(separator: ", ")
        let family = [distribution.id] + distribution.idLike
        if family.contains("ubuntu") {
            return "\(list) come from Ubuntu's main and universe repositories: enable them (add-apt-repository universe) and run apt-get update"
        }
        if family.contains("debian") {
            return "\(list) come from Debian's main repository: check /etc/apt/sources.list and run apt-get update"
        }
        if distribution.id == "fedora" {
            return "\(list) come from Fedora's fedora and updates repositories: check that they are enabled (dnf repolist)"
        }
        if family.contains(where: { ["rhel", "centos", "rocky", "almalinux"].contains($0) }) {
            return "\(list) come from the AppStream repository: enable it (dnf config-manager --set-enabled appstream; on RHEL a subscription is needed)"
        }
        if distribution.id == "alpine" {
            return "\(list) come from Alpine's community repository: enable it in /etc/apk/repositories and run apk update"
        }
        if family.contains(where: { $0.hasPrefix("opensuse") || $0 == "suse" || $0 == "sles" }) {
            return "\(list) come from the distribution's OSS repository (zypper repos); on SLES, the Server Applications module"
        }
        return "check that the distribution's repositories that carry \(list) are enabled"
    }
}
