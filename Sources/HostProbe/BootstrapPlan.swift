/// The commands that would turn the host into a KVM host: install the
/// package set, then enable and start the libvirt daemon.
public struct BootstrapPlan: Sendable, Codable, Equatable {
    public var packages: [String]
    public var commands: [HostCommand]

    public init(packages: [String], commands: [HostCommand]) {
        self.packages = packages
        self.commands = commands
    }

    /// Nil when the distribution has no known package manager or package set.
    public static func kvm(for distribution: Distribution) -> BootstrapPlan? {
        guard let manager = distribution.packageManager,
              let packages = KVMPackageSet.packages(for: distribution) else { return nil }
        let service = KVMPackageSet.libvirtService(for: distribution).name
        var commands = [InstallCommand.install(packages, with: manager)]
        commands += ServiceCommands.enable(service, with: distribution.serviceManager)
        if let start = ServiceCommands.start(service, with: distribution.serviceManager) {
            commands.append(start)
        }
        return BootstrapPlan(packages: packages, commands: commands)
    }
}
