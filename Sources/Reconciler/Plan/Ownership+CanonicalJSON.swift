/// Part of every domain definition's hash (see DomainDefinition+CanonicalJSON.swift).
extension Ownership: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.object { writer in
            writer.member("agent", agent)
            writer.member("baseImage", baseImage)
            writer.member("cdrom", cdrom)
            writer.member("commit", commit)
            writer.member("devices", devices)
            writer.member("name", name)
            writer.member("seed", seed)
            writer.member("snapshots", snapshots)
            writer.member("specHash", specHash)
            writer.member("uuid", uuid)
            writer.member("volumes", volumes)
        }
    }
}

extension OwnedVolume: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.object { writer in
            writer.member("deleteWithVM", deleteWithVM)
            writer.member("name", name)
            writer.member("pool", pool)
        }
    }
}
