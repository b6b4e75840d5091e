public enum DiskFormat: String, Sendable, Codable, CaseIterable {
    case qcow2
    case raw

    public var fileExtension: String {
        switch self {
        case .qcow2: "qcow2"
        case .raw: "img"
        }
    }
}
