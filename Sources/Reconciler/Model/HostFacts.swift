/// The host itself as observed in one pass (packages, daemon, groups, devices), for hypervisors with
/// `state: ready`. Read through `HostSystem`, so planning stays a pure function of values.
public struct HostFacts: Sendable, Hashable, Codable {
    /// The distribution as people name it ("Debian GNU/Linux 12"), for messages.
    public var distribution: String
    /// `apt`, `dnf`, `zypper`, `apk`; nil when reconcile cannot install packages on this host.
    public var packageManager: String?
    public var serviceManager: ServiceManagerKind
    /// The libvirt daemon the distribution runs: `libvirtd`, or `virtqemud` on Fedora and RHEL.
    public var libvirtService: String
    /// The packages the host needs: the manifest's list, or the distribution's set; nil when unknown.
    public var neededPackages: [String]?
    public var missingPackages: [String]
    public var serviceEnabled: Bool
    public var serviceRunning: Bool
    /// Each declared user that exists on the host, with the groups it belongs to.
    public var userGroups: [String: [String]]
    /// Declared users the host does not know.
    public var missingUsers: [String]
    public var kvmDevice: KVMDeviceState
    /// `xorriso` or `genisoimage` (cloud-init seeds are ISO images); nil when neither is installed.
    public var isoBuilder: String?
    /// `AppArmor` or `SELinux` when it confines QEMU; nil when neither enforces.
    public var enforcingSecurityModule: String?
    /// Pool path → the directory on its way that the QEMU user cannot enter.
    public var untraversablePaths: [String: String]
    /// Where the daemon's own messages go, for hints when it fails.
    public var daemonLogHint: String

    public init(
        distribution: String, packageManager: String?, serviceManager: ServiceManagerKind, libvirtService: String,
        neededPackages: [String]?, missingPackages: [String] = [], serviceEnabled: Bool, serviceRunning: Bool,
        userGroups: [String: [String]] = [:], missingUsers: [String] = [], kvmDevice: KVMDeviceState,
        isoBuilder: String?, enforcingSecurityModule: String? = nil, untraversablePaths: [String: String] = [:],
        daemonLogHint: String
    ) {
        self.distribution = distribution
        self.packageManager = packageManager
        self.serviceManager = serviceManager
        self.libvirtService = libvirtService
        self.neededPackages = neededPackages
        self.missingPackages = missingPackages
        self.serviceEnabled = serviceEnabled
        self.serviceRunning = serviceRunning
        self.userGroups = userGroups
        self.missingUsers = missingUsers
        self.kvmDevice = kvmDevice
        self.isoBuilder = isoBuilder
        self.enforcingSecurityModule = enforcingSecurityModule
        self.untraversablePaths = untraversablePaths
        self.daemonLogHint = daemonLogHint
    }
}
