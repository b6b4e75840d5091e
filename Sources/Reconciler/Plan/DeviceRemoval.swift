/// A domain's disks and NICs that its manifest does not declare, split into those reconcile attached
/// (its record names them: they go) and the rest (someone else's: they stay, said in a notice).
struct DeviceRemoval {
    var disks: [ObservedDomain.Disk] = []
    var interfaces: [ObservedDomain.Interface] = []
    /// The undeclared devices that are not reconcile's, as a person reads them.
    var kept: [String] = []

    init(desired: DomainDefinition, observed: ObservedDomain) {
        // A record written before devices were recorded owns none: nothing is guessed from it.
        let owned = observed.ownership?.devices ?? OwnedDevices()
        let targets = Set(desired.disks.map(\.target))
        // The cloud-init seed and other CD-ROMs are not manifest disks.
        for disk in observed.disks where disk.device == "disk" && !targets.contains(disk.target) {
            if owned.owns(disk: disk) {
                disks.append(disk)
            } else {
                kept.append("disk \(disk.target) (\(disk.source ?? "no source"))")
            }
        }
        let matched = Set(observed.interfaceMatches(for: desired.interfaces).compactMap { $0 })
        for (index, interface) in observed.interfaces.enumerated() where !matched.contains(index) {
            if owned.owns(interface: interface) {
                interfaces.append(interface)
            } else {
                kept.append("NIC \(interface.mac ?? "without MAC") on \(interface.source ?? interface.type)")
            }
        }
    }
}
