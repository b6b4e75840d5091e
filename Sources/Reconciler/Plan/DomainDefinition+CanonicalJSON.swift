/// Every domain definition is hashed in every plan; the keys below are each type's stored properties
/// in sorted order (CanonicalJSONTests checks them against `Mirror` and the bytes against `JSONEncoder`).
extension DomainDefinition: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.object { writer in
            writer.member("bootDevices", bootDevices)
            writer.member("cdrom", cdrom)
            writer.member("cmdline", cmdline)
            writer.member("disks", disks)
            writer.member("firmware", firmware)
            writer.member("initrdPath", initrdPath)
            writer.member("installing", installing)
            writer.member("interfaces", interfaces)
            writer.member("kernelPath", kernelPath)
            writer.member("maxMemoryKiB", maxMemoryKiB)
            writer.member("maxVcpus", maxVcpus)
            writer.member("memoryKiB", memoryKiB)
            writer.member("name", name)
            writer.member("ownership", ownership)
            writer.member("secureBoot", secureBoot)
            writer.member("seedPath", seedPath)
            writer.member("tpm", tpm)
            writer.member("type", type)
            writer.member("uuid", uuid)
            writer.member("vcpus", vcpus)
            writer.member("vnc", vnc)
        }
    }
}

extension DomainDefinition.Disk: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.object { writer in
            writer.member("bus", bus)
            writer.member("format", format)
            writer.member("path", path)
            writer.member("pool", pool)
            writer.member("target", target)
            writer.member("volume", volume)
        }
    }
}

extension DomainDefinition.Interface: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.object { writer in
            writer.member("mac", mac)
            writer.member("network", network)
        }
    }
}

extension DomainDefinition.CDROM: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.object { writer in
            writer.member("bus", bus)
            writer.member("path", path)
            writer.member("target", target)
        }
    }
}
