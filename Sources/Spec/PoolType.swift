public enum PoolType: String, Sendable, Codable, CaseIterable {
    case dir
}
