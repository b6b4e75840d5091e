/// A seed to build and upload as `<vm>-seed-<digest>.iso` into the VM's pool.
public struct SeedUpload: Sendable, Hashable, Codable {
    public var request: SeedRequest
    public var digest: String
    public var pool: String
    public var volume: String

    public init(request: SeedRequest, digest: String, pool: String, volume: String) {
        self.request = request
        self.digest = digest
        self.pool = pool
        self.volume = volume
    }

    public static func volumeName(guest: String, digest: String) -> String {
        let hex = digest.split(separator: ":").last.map(String.init) ?? digest
        return "\(guest)-seed-\(hex.prefix(16)).iso"
    }
}
