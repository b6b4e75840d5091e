/// How far a download has got. `totalBytes` is nil when the server sent no
/// Content-Length, so a renderer must fall back to a byte count.
public struct DownloadProgress: Sendable, Hashable {
    public let bytesDone: Int64
    public let totalBytes: Int64?

    public init(bytesDone: Int64, totalBytes: Int64?) {
        self.bytesDone = bytesDone
        self.totalBytes = totalBytes
    }

    /// 0...1 when the total is known.
    public var fraction: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(1, Double(bytesDone) / Double(totalBytes))
    }
}

public typealias ProgressHandler = @Sendable (DownloadProgress) -> Void
