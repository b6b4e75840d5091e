import Localization

extension StoragePoolSpec {
    static func read(_ spec: FieldReader, metadata: ResourceMetadata) -> StoragePoolSpec? {
        let hypervisor = spec.string("hypervisor") ?? ""
        let type = spec.choice("type", default: PoolType.dir) ?? .dir
        let path = spec.requiredString("path", hint: LocalizedMessage("spec.hintPoolPath"))
        if let path, let problem = Naming.absolutePathProblem(path) { spec.error("path", problem) }
        let autostart = spec.bool("autostart", default: true)
        let active = spec.bool("active", default: true)
        spec.rejectUnknownKeys()
        guard let path else { return nil }
        return StoragePoolSpec(metadata: metadata, hypervisor: hypervisor, type: type, path: path,
                               autostart: autostart, active: active)
    }
}
