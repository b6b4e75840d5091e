import Localization
import Yams

extension VirtualMachineSpec {
    static func read(_ spec: FieldReader, metadata: ResourceMetadata) -> VirtualMachineSpec {
        let hypervisor = spec.string("hypervisor") ?? ""
        let cpus = spec.positiveInt("cpus", default: 1) ?? 1
        let memory = spec.size("memory") ?? ByteSize(bytes: 1 << 30)
        if memory.bytes < 1 << 20 { spec.error("memory", LocalizedMessage("spec.memoryTooSmall", ["value": memory.description])) }
        let maxMemory = spec.size("maxMemory")
        if let maxMemory, maxMemory.bytes < memory.bytes {
            spec.error("maxMemory", LocalizedMessage("spec.maxMemoryBelowMemory", ["memory": memory.description, "value": maxMemory.description]))
        }
        let maxCpus = spec.positiveInt("maxCpus", default: nil)
        if let maxCpus, maxCpus < cpus { spec.error("maxCpus", LocalizedMessage("spec.maxCpusBelowCpus", ["cpus": String(cpus), "value": String(maxCpus)])) }
        let restartPolicy = spec.choice("restartPolicy", default: RestartPolicy.never) ?? .never
        let disks = spec.sequence("disks").compactMap { item -> DiskSpec? in
            guard let reader = FieldReader.mapping(item.node, context: spec.context, path: item.path) else { return nil }
            return DiskSpec.read(reader)
        }
        let networks = spec.sequence("networks").compactMap { item in
            NetworkAttachment.read(item.node, path: item.path, context: spec.context)
        }
        let state = spec.choice("state", default: VMState.running) ?? .running
        let autostart = spec.bool("autostart", default: false)
        var console = ConsoleSpec()
        if let reader = spec.mappingReader("console") {
            _ = reader.bool("serial", default: true)
            console.vnc = reader.bool("vnc", default: false)
            reader.rejectUnknownKeys()
        }
        let domainType = spec.choice("domainType", default: DomainType?.none)
        let cloudInit = spec.mappingReader("cloudInit").map(CloudInitSpec.read)
        let agent = spec.mappingReader("agent").flatMap(AgentSpec.read)
        let bootTimeout = spec.positiveInt("bootTimeout", default: 600) ?? 600
        let stopTimeout = spec.positiveInt("stopTimeout", default: VirtualMachineSpec.defaultStopTimeout)
            ?? VirtualMachineSpec.defaultStopTimeout
        let firmware = spec.choice("firmware", default: Firmware.bios) ?? .bios
        let secureBoot = spec.bool("secureBoot", default: false)
        if secureBoot && firmware != .uefi {
            spec.error("secureBoot", LocalizedMessage("spec.secureBootNeedsUEFI"))
        }
        let tpm = spec.bool("tpm", default: false)
        let snapshots = readSnapshots(spec, firmware: firmware)
        let cdrom = spec.mappingReader("cdrom").flatMap(CDROMSpec.read)
        spec.rejectUnknownKeys()
        var vm = VirtualMachineSpec(metadata: metadata, hypervisor: hypervisor, cpus: cpus, memory: memory,
                                    disks: disks, networks: networks, state: state, autostart: autostart,
                                    console: console, domainType: domainType, cloudInit: cloudInit, agent: agent,
                                    bootTimeout: bootTimeout, stopTimeout: stopTimeout)
        vm.snapshots = snapshots
        vm.firmware = firmware
        vm.secureBoot = secureBoot
        vm.tpm = tpm
        vm.maxMemory = maxMemory
        vm.maxCpus = maxCpus
        vm.restartPolicy = restartPolicy
        vm.cdrom = cdrom
        return vm
    }

    private static func readSnapshots(_ spec: FieldReader, firmware: Firmware) -> [SnapshotSpec] {
        var seen: [String: SourceLocation] = [:]
        return spec.sequence("snapshots").compactMap { item -> SnapshotSpec? in
            guard let reader = FieldReader.mapping(item.node, context: spec.context, path: item.path) else { return nil }
            let name = reader.requiredString("name", hint: LocalizedMessage("spec.hintForExample", ["example": "before-upgrade"]))
            let description = reader.string("description")
            let memory = reader.bool("memory", default: false)
            reader.rejectUnknownKeys()
            if memory && firmware == .uefi {
                // libvirt refuses internal snapshots with pflash firmware, and external ones cannot hold memory here.
                reader.error("memory", LocalizedMessage("spec.snapshotMemoryUEFI"))
            }
            guard let name else { return nil }
            if !Naming.isValidObjectName(name) {
                reader.error("name", LocalizedMessage("spec.invalidSnapshotName", ["name": name]))
                return nil
            }
            if let first = seen[name] {
                reader.error("name", LocalizedMessage("spec.duplicateSnapshotName", ["name": name, "first": first.description]))
                return nil
            }
            seen[name] = reader.locationOf("name")
            return SnapshotSpec(name: name, description: description, memory: memory, location: reader.location)
        }
    }
}

extension DiskSpec {
    static func read(_ reader: FieldReader) -> DiskSpec? {
        let name = reader.requiredString("name", hint: LocalizedMessage("spec.hintForExample", ["example": "root"]))
        let from = reader.string("from")
        let size = reader.size("size")
        if size == nil, from == nil, reader.node("size") == nil {
            reader.missing("size", hint: LocalizedMessage("spec.hintDiskSize"))
        }
        let pool = reader.string("pool") ?? ""
        let format = reader.choice("format", default: DiskFormat.qcow2) ?? .qcow2
        let bus = reader.choice("bus", default: DiskBus.virtio) ?? .virtio
        let deleteWithVM = reader.bool("deleteWithVM", default: false)
        reader.rejectUnknownKeys()
        if let name, !Naming.isValidDiskName(name) {
            reader.error("name", LocalizedMessage("spec.invalidDiskName", ["name": name]))
        }
        guard let name else { return nil }
        return DiskSpec(name: name, size: size, pool: pool, format: format, bus: bus,
                        deleteWithVM: deleteWithVM, from: from, location: reader.location)
    }
}

extension NetworkAttachment {
    /// A list item that is either a Network name or `{network, mac}`.
    static func read(_ node: YAMLNode, path: String, context: DocumentContext) -> NetworkAttachment? {
        let location = node.location(in: context.file)
        if case .scalar(let scalar) = node {
            return NetworkAttachment(network: scalar.string, location: location)
        }
        guard let reader = FieldReader.mapping(node, context: context, path: path) else { return nil }
        let network = reader.requiredString("network")
        let mac = reader.string("mac")?.lowercased()
        if let mac, !Naming.isValidMAC(mac) {
            reader.error("mac", LocalizedMessage("spec.invalidMAC", ["value": mac]))
        } else if let mac, Naming.isMulticastMAC(mac) {
            reader.error("mac", LocalizedMessage("spec.multicastMAC", ["value": mac]))
        }
        reader.rejectUnknownKeys()
        guard let network else { return nil }
        return NetworkAttachment(network: network, mac: mac, location: location)
    }
}
