import Foundation

extension DownloadProgress {
    /// `[#####.....]  48%  210.0 MiB / 437.5 MiB` with a known total, `210.0 MiB` without.
    public func formatted(barWidth: Int = 30) -> String {
        let done = Self.mebibytes(bytesDone)
        guard let fraction, let totalBytes else { return done }
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: max(0, barWidth - filled))
        let percent = String(format: "%3d%%", Int((fraction * 100).rounded(.down)))
        return "[\(bar)] \(percent)  \(done) / \(Self.mebibytes(totalBytes))"
    }

    static func mebibytes(_ bytes: Int64) -> String {
        String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
