public enum VMState: String, Sendable, Codable, CaseIterable {
    case running
    case stopped
    case absent
}
