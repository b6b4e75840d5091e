public enum DiskBus: String, Sendable, Codable, CaseIterable {
    case virtio
    case sata
    case scsi

    /// The device-name prefix libvirt expects for the bus (`vda`, `sda`).
    public var devicePrefix: String {
        switch self {
        case .virtio: "vd"
        case .sata, .scsi: "sd"
        }
    }
}
