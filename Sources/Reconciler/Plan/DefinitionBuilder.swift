import Foundation
import Spec

/// Turns manifest specs into the definitions the adapter writes, resolving what depends on the host
/// (domain type, pool paths, MACs libvirt generated before).
struct DefinitionBuilder {
    let hypervisor: HypervisorSpec
    let manifests: ManifestSet
    let state: IndexedHostState
    /// The manifests' git commit, stamped on every ownership record after hashing, so a new commit
    /// alone is no change.
    var commit: String? = nil

    func network(_ spec: NetworkSpec) -> NetworkDefinition {
        var definition = NetworkDefinition(name: spec.name, mode: spec.mode, bridge: spec.bridge,
                                           interface: spec.interface, ipv4: spec.ipv4,
                                           ownership: Ownership(name: spec.name, specHash: ""))
        definition.ownership.specHash = SpecHash.of(definition)
        definition.ownership.commit = commit
        return definition
    }

    func pool(_ spec: StoragePoolSpec) -> PoolDefinition {
        PoolDefinition(name: spec.name, type: spec.type, path: spec.path)
    }

    func resolvedDomainType(_ spec: VirtualMachineSpec) -> String {
        switch spec.domainType ?? hypervisor.domainType {
        case .kvm: "kvm"
        case .qemu: "qemu"
        case .auto: state.capabilities.domainTypes.contains("kvm") ? "kvm" : "qemu"
        }
    }

    func volumePath(pool: String, volume: String) -> String {
        if let observed = state.volume(pool: pool, name: volume) { return observed.path }
        let directory = manifests.pools.first { $0.hypervisor == hypervisor.name && $0.name == pool }?.path
            ?? state.pool(named: pool)?.path ?? "/var/lib/libvirt/images"
        return directory.hasSuffix("/") ? directory + volume : "\(directory)/\(volume)"
    }

    func volumes(_ spec: VirtualMachineSpec) -> [VolumeDefinition] {
        spec.disks.map { disk in
            VolumeDefinition(pool: disk.pool, name: disk.volumeName(vm: spec.name),
                             capacity: disk.size?.bytes ?? 0, format: disk.format)
        }
    }

    /// The domain as declared; MACs libvirt generated earlier are filled in afterwards, so they do not
    /// enter the hash (a VM re-created from the same manifest hashes the same).
    func domain(_ spec: VirtualMachineSpec, observed: ObservedDomain?, image: GuestImagePlan? = nil,
                cdromPath: String? = nil) -> DomainDefinition {
        var used: [String: Int] = [:]
        let disks = spec.disks.map { disk -> DomainDefinition.Disk in
            let prefix = disk.bus.devicePrefix
            let index = used[prefix, default: 0]
            used[prefix] = index + 1
            let volume = disk.volumeName(vm: spec.name)
            return DomainDefinition.Disk(pool: disk.pool, volume: volume,
                                         path: volumePath(pool: disk.pool, volume: volume),
                                         target: prefix + Self.driveLetters(index), bus: disk.bus, format: disk.format)
        }
        let interfaces = spec.networks.map { DomainDefinition.Interface(network: $0.network, mac: $0.mac) }
        var ownedVolumes = spec.disks.map {
            OwnedVolume(pool: $0.pool, name: $0.volumeName(vm: spec.name), deleteWithVM: $0.deleteWithVM)
        }
        if let image, let seedPath = image.seedPath {
            let seedName = (seedPath as NSString).lastPathComponent
            ownedVolumes.append(OwnedVolume(pool: image.pool, name: seedName, deleteWithVM: true))
        }
        var definition = DomainDefinition(name: spec.name, type: resolvedDomainType(spec), vcpus: spec.cpus,
                                          memoryKiB: spec.memory.kibibytes, disks: disks, interfaces: interfaces,
                                          vnc: spec.console.vnc,
                                          ownership: Ownership(name: spec.name, specHash: "", volumes: ownedVolumes,
                                                               baseImage: image?.baseDigest, seed: image?.seedDigest),
                                          seedPath: image?.seedPath, kernelPath: image?.kernelPath,
                                          initrdPath: image?.initrdPath, cmdline: image?.cmdline)
        if let path = image?.installerISOPath ?? cdromPath {
            let q35 = observed.map(\.isQ35) ?? spec.secureBoot
            definition.cdrom = Self.cdrom(path: path, q35: q35)
            definition.ownership.cdrom = definition.cdrom?.target
        }
        if let image, image.installerISOPath != nil {
            if image.kernelPath == nil { definition.bootDevices = ["hd", "cdrom"] }
            if image.installing { definition.installing = true }
        }
        if spec.firmware == .uefi { definition.firmware = .uefi }
        if spec.secureBoot { definition.secureBoot = true }
        if spec.tpm { definition.tpm = true }
        // Set only above the boot values, so domains declared without them hash as they did.
        if let maxMemory = spec.maxMemory, maxMemory.kibibytes > definition.memoryKiB { definition.maxMemoryKiB = maxMemory.kibibytes }
        if let maxCpus = spec.maxCpus, maxCpus > spec.cpus { definition.maxVcpus = maxCpus }
        definition.ownership.specHash = SpecHash.of(definition)
        definition.ownership.commit = commit
        definition.ownership.agent = observed?.ownership?.agent
        if let observed {
            definition.uuid = observed.uuid
            definition.ownership.uuid = observed.uuid
            for index in definition.interfaces.indices where definition.interfaces[index].mac == nil {
                guard index < observed.interfaces.count,
                      observed.interfaces[index].source == definition.interfaces[index].network else { continue }
                definition.interfaces[index].mac = observed.interfaces[index].mac
            }
        }
        Self.assignMACs(&definition.interfaces, vm: spec.name, observed: observed)
        // What reconcile will have attached once this plan is applied: every declared disk and NIC. A
        // device the domain has and the manifest does not declare is never in it.
        definition.ownership.devices = OwnedDevices(
            disks: definition.disks.map { OwnedDevices.Disk(target: $0.target, source: $0.path) },
            interfaces: definition.interfaces.compactMap(\.mac))
        return definition
    }

    /// q35 has no IDE controller, so its CD-ROM is on SATA; targets stay clear of the seed's (`hdc`, `sdz`)
    /// and of declared disks (`sda`… on SATA).
    static func cdrom(path: String, q35: Bool) -> DomainDefinition.CDROM {
        q35 ? DomainDefinition.CDROM(path: path, target: "sdy", bus: "sata")
            : DomainDefinition.CDROM(path: path, target: "hdd", bus: "ide")
    }

    /// Every declared NIC gets its MAC before it is attached, so reconcile's record can name the NICs it
    /// attached (and a provisioned guest's seed and address lookups can name them): the MAC of the
    /// domain's NIC that is it, or one generated for a NIC the domain lacks.
    static func assignMACs(_ interfaces: inout [DomainDefinition.Interface], vm: String, observed: ObservedDomain?) {
        let matches = observed?.interfaceMatches(for: interfaces) ?? interfaces.map { _ in nil }
        var used = Set((observed?.interfaces ?? []).compactMap { $0.mac?.lowercased() } + interfaces.compactMap { $0.mac?.lowercased() })
        for index in interfaces.indices where interfaces[index].mac == nil {
            if let match = matches[index], let mac = observed?.interfaces[match].mac {
                interfaces[index].mac = mac
                continue
            }
            // Another NIC may already hold the address generated for this position (NICs were removed
            // and added): the next candidate, the same on every run for the same host.
            var salt = index
            var mac = generatedMAC(vm: vm, index: salt)
            while used.contains(mac) {
                salt += interfaces.count + used.count
                mac = generatedMAC(vm: vm, index: salt)
            }
            used.insert(mac)
            interfaces[index].mac = mac
        }
    }

    /// A locally administered address under QEMU's 52:54:00 prefix, stable for a VM name and NIC.
    static func generatedMAC(vm: String, index: Int) -> String {
        let hex = SpecHash.of("\(vm)#\(index)")
        let bytes = stride(from: 0, to: 6, by: 2).map { offset -> String in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 2)])
        }
        return "52:54:00:" + bytes.joined(separator: ":")
    }

    /// `a`…`z`, then `aa`, `ab`…, the way Linux names the 27th disk.
    static func driveLetters(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var index = index
        var name = ""
        repeat {
            name = String(letters[index % 26]) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }
}
