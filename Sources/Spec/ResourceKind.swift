/// The `kind:` values a manifest document may declare.
public enum ResourceKind: String, Sendable, Codable, CaseIterable {
    case hypervisor = "Hypervisor"
    case network = "Network"
    case storagePool = "StoragePool"
    case virtualMachine = "VirtualMachine"
    case distribution = "Distribution"
}
