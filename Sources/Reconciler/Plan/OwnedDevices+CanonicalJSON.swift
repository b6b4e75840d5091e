/// Part of an ownership record's JSON (see DomainDefinition+CanonicalJSON.swift).
extension OwnedDevices: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.object { writer in
            writer.member("disks", disks)
            writer.member("interfaces", interfaces)
        }
    }
}

extension OwnedDevices.Disk: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.object { writer in
            writer.member("source", source)
            writer.member("target", target)
        }
    }
}
