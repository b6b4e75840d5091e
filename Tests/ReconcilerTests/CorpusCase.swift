/// One hand-made domain of the corpus, and the manifest that adopts it: fields that match what the
/// domain has, or changed ones (CPUs, memory, an added disk or NIC).
struct CorpusCase: Sendable {
    var name: String
    var cpus: Int
    var memory: String
    var network: String
    var mac: String
    var vnc = false
    var addDisk = false
    var addNetwork: String?

    /// True when the manifest declares exactly what the domain already has: adopting it only records ownership.
    var matches = false

    func manifest(pool: String) -> String {
        var disks = ["{name: root, size: 1GiB, pool: \(pool)}"]
        if addDisk { disks.append("{name: data, size: 1GiB, pool: \(pool)}") }
        var networks = ["{network: \(network), mac: '\(mac)'}"]
        if let addNetwork { networks.append(addNetwork) }
        var spec = "cpus: \(cpus)\nmemory: \(memory)\nstate: stopped\ndisks: [\(disks.joined(separator: ", "))]\nnetworks: [\(networks.joined(separator: ", "))]"
        if vnc { spec += "\nconsole: {vnc: true}" }
        return Manifests.document("VirtualMachine", name, spec, adopt: true)
    }
}
