/// Where to look for one daemon's enablement and liveness.
public struct ServiceDefinition: Sendable, Equatable {
    public var name: String
    public var systemdUnits: [String]
    public var openrcServices: [String]
    public var sockets: [String]
    public var pidFiles: [String]

    public init(name: String, systemdUnits: [String], openrcServices: [String], sockets: [String], pidFiles: [String]) {
        self.name = name
        self.systemdUnits = systemdUnits
        self.openrcServices = openrcServices
        self.sockets = sockets
        self.pidFiles = pidFiles
    }

    /// The monolithic libvirt daemon (Debian, Ubuntu, Alpine, openSUSE Leap).
    public static let libvirtd = ServiceDefinition(
        name: "libvirtd",
        systemdUnits: ["libvirtd.service", "libvirtd.socket"],
        openrcServices: ["libvirtd"],
        sockets: ["/run/libvirt/libvirt-sock", "/var/run/libvirt/libvirt-sock"],
        pidFiles: ["/run/libvirtd.pid", "/var/run/libvirtd.pid"]
    )

    /// The modular QEMU driver daemon (default on Fedora and RHEL 9 family).
    public static let virtqemud = ServiceDefinition(
        name: "virtqemud",
        systemdUnits: ["virtqemud.service", "virtqemud.socket"],
        openrcServices: ["virtqemud"],
        sockets: ["/run/libvirt/virtqemud-sock", "/var/run/libvirt/virtqemud-sock"],
        pidFiles: ["/run/virtqemud.pid", "/var/run/virtqemud.pid"]
    )

    public static let lxd = ServiceDefinition(
        name: "lxd",
        systemdUnits: ["snap.lxd.daemon.service", "snap.lxd.daemon.unix.socket", "lxd.service", "lxd.socket"],
        openrcServices: ["lxd"],
        sockets: ["/var/snap/lxd/common/lxd/unix.socket", "/var/lib/lxd/unix.socket"],
        pidFiles: []
    )

    public static let vboxdrv = ServiceDefinition(
        name: "vboxdrv",
        systemdUnits: ["vboxdrv.service"],
        openrcServices: ["vboxdrv", "virtualbox-drivers"],
        sockets: [],
        pidFiles: []
    )
}
