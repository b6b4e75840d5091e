/// The disks and NICs reconcile attached to a domain: only these are ever removed when a manifest no
/// longer declares them. A device someone else attached (virsh attach-disk, virt-manager) is not in it
/// and stays. Written with the rest of the ownership record; a record without it (written before it
/// existed) owns no device until reconcile records what matches the manifest.
public struct OwnedDevices: Sendable, Hashable, Codable {
    /// A disk by its target and source together: another file at the same target is not reconcile's.
    public struct Disk: Sendable, Hashable, Codable {
        public var target: String
        public var source: String

        public init(target: String, source: String) {
            self.target = target
            self.source = source
        }
    }

    public var disks: [Disk]
    /// NICs by MAC address, lower case.
    public var interfaces: [String]

    public init(disks: [Disk] = [], interfaces: [String] = []) {
        self.disks = disks
        self.interfaces = interfaces.map { $0.lowercased() }
    }

    public func owns(disk: ObservedDomain.Disk) -> Bool {
        disks.contains { $0.target == disk.target && $0.source == disk.source }
    }

    public func owns(interface: ObservedDomain.Interface) -> Bool {
        guard let mac = interface.mac?.lowercased() else { return false }
        return interfaces.contains(mac)
    }
}
