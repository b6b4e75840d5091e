import Foundation
import HostProbe
import Reconciler

extension ProbedHostSystem {
    static let qemuBinaries = ["/usr/bin/qemu-system-x86_64", "/usr/libexec/qemu-kvm", "/usr/bin/qemu-kvm"]
    static let libvirtBinaries = ["/usr/sbin/libvirtd", "/usr/sbin/virtqemud"]
    static let isoBuilders = ["/usr/bin/xorriso", "/usr/bin/genisoimage", "/usr/bin/mkisofs"]

    public func facts(_ request: HostFactsRequest) async throws -> HostFacts {
        let context = await ProbeContext.gather(system: access)
        let distribution = context.distribution
        let builder = HostCommandBuilder(distribution: distribution, escalate: !context.user.isRoot)
        let service = KVMPackageSet.libvirtService(for: distribution)
        let status = await ServiceProbe(system: access).status(of: service)
        let needed = request.packages ?? KVMPackageSet.packages(for: distribution)
        // A name the package manager would misread is refused at plan time, not when the step runs.
        if let manager = distribution.packageManager, let packages = request.packages { try manager.validate(packages) }
        let users = await userGroups(request.users)
        return HostFacts(
            distribution: distribution.name ?? [distribution.id, distribution.version].compactMap { $0 }.joined(separator: " "),
            packageManager: distribution.packageManager?.rawValue,
            serviceManager: ServiceManagerKind(rawValue: distribution.serviceManager.rawValue) ?? .none,
            libvirtService: service.name,
            neededPackages: needed,
            missingPackages: await missing(needed ?? [], packages: context.packages),
            serviceEnabled: status.enabled,
            serviceRunning: status.running,
            userGroups: users.groups,
            missingUsers: users.missing,
            kvmDevice: await kvmDevice(),
            isoBuilder: await firstExisting(Self.isoBuilders).map { String($0.split(separator: "/").last ?? "") },
            enforcingSecurityModule: await enforcingSecurityModule(),
            untraversablePaths: await untraversablePaths(request.poolPaths),
            daemonLogHint: builder.daemonLogHint(service.name)
        )
    }

    func missing(_ needed: [String], packages: InstalledPackages) async -> [String] {
        var missing: [String] = []
        for name in needed {
            if name.hasPrefix("@") {
                // A dnf group is no package rpm knows: it counts as installed when QEMU and libvirt are.
                let qemu = await firstExisting(Self.qemuBinaries)
                let libvirt = await firstExisting(Self.libvirtBinaries)
                if qemu == nil || libvirt == nil { missing.append(name) }
            } else if await packages.version(of: name) == nil {
                missing.append(name)
            }
        }
        return missing
    }

    func userGroups(_ users: [String]) async -> (groups: [String: [String]], missing: [String]) {
        guard !users.isEmpty else { return ([:], []) }
        let database = GroupDatabase(passwd: await access.files.readFile("/etc/passwd") ?? "",
                                     group: await access.files.readFile("/etc/group") ?? "")
        var groups: [String: [String]] = [:]
        var missing: [String] = []
        for user in users {
            if database.knows(user) {
                groups[user] = database.groups(of: user)
            } else if let output = await access.commands.probe(["id", "-Gn", "--", user]), output.succeeded {
                // Directory users (LDAP, SSSD) are not in /etc/passwd.
                groups[user] = output.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init).sorted()
            } else {
                missing.append(user)
            }
        }
        return (groups, missing)
    }

    func kvmDevice() async -> KVMDeviceState {
        guard await access.files.exists("/dev/kvm") else { return .missing }
        switch await access.devices.probeKVMDevice(at: "/dev/kvm") {
        case .missing: return .missing
        case .permissionDenied: return .permissionDenied
        case .failed(let reason): return .unusable(reason)
        case .answered(let version?) where version != 12: return .unusable("unexpected KVM API version \(version)")
        case .answered: return .usable
        }
    }

    func firstExisting(_ paths: [String]) async -> String? {
        let found = await access.files.existing(among: paths)
        return paths.first(where: found.contains)
    }

    /// SELinux in enforcing mode, or AppArmor with a libvirt profile in enforce mode.
    func enforcingSecurityModule() async -> String? {
        if await access.files.readFile("/sys/fs/selinux/enforce")?.trimmingCharacters(in: .whitespacesAndNewlines) == "1" {
            return "SELinux"
        }
        let profiles = await access.files.readFile("/sys/kernel/security/apparmor/profiles") ?? ""
        let confined = profiles.split(separator: "\n").contains { $0.contains("libvirt") && $0.hasSuffix("(enforce)") }
        return confined ? "AppArmor" : nil
    }

    /// For each path, the first directory on the way that others (the QEMU user) may not enter.
    /// Directories that do not exist yet are created by build-pool with libvirt's modes.
    func untraversablePaths(_ paths: [String]) async -> [String: String] {
        let script = """
            p=''; for part in $(printf '%s' "$1" | tr '/' ' '); do p="$p/$part"; [ -d "$p" ] || exit 0; \
            case $(stat -c %A "$p") in ?????????[xt]) ;; *) printf '%s' "$p"; exit 0;; esac; done
            """
        var result: [String: String] = [:]
        for path in paths {
            guard let output = await access.commands.probe(["sh", "-c", script, "sh", path]), output.succeeded else { continue }
            let blocked = output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            if !blocked.isEmpty { result[path] = blocked }
        }
        return result
    }
}
