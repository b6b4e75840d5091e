import Foundation

/// The files of a NoCloud seed, exactly as they go onto the `cidata` ISO.
///
/// It holds the guest's private host key: `description` is the redacted summary,
/// so printing or logging the value never shows file contents.
public struct RenderedSeed: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public let instanceID: String
    public let metaData: String
    public let userData: String
    /// nil when cloud-init's DHCP fallback is wanted.
    public let networkConfig: String?
    /// Safe to show in plans and logs.
    public let redactedSummary: String

    init(instanceID: String, metaData: String, userData: String, networkConfig: String?, redactedSummary: String) {
        self.instanceID = instanceID
        self.metaData = metaData
        self.userData = userData
        self.networkConfig = networkConfig
        self.redactedSummary = redactedSummary
    }

    /// File name and content, in ISO order.
    public var files: [(name: String, content: String)] {
        var files = [("meta-data", metaData), ("user-data", userData)]
        if let networkConfig { files.append(("network-config", networkConfig)) }
        return files
    }

    /// Changes exactly when any seed file changes; the engine compares it to decide
    /// whether a seed must be rebuilt. Each file is framed by name and length so
    /// content cannot shift between files unnoticed.
    public var digest: Digest {
        Digest.of(Self.framed(files), algorithm: .sha256)
    }

    static func framed(_ files: [(name: String, content: String)]) -> Data {
        var data = Data()
        for file in files {
            let bytes = Data(file.content.utf8)
            data.append(Data("\(file.name)\n\(bytes.count)\n".utf8))
            data.append(bytes)
        }
        return data
    }

    public var description: String { redactedSummary }
    public var debugDescription: String { redactedSummary }
}
