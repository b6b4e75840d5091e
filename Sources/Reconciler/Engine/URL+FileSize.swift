import Foundation

extension URL {
    /// The size of the local file in bytes; throws when it cannot be read.
    func fileSize() throws -> UInt64 {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? 0
    }
}
