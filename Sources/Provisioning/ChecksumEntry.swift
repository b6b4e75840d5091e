/// One line of a checksum file: which file, which digest.
public struct ChecksumEntry: Sendable, Hashable {
    /// The name as written in the file (may include a directory, e.g. `./images/x.qcow2`).
    public let fileName: String
    public let digest: Digest

    public init(fileName: String, digest: Digest) {
        self.fileName = fileName
        self.digest = digest
    }

    /// The last path component, for matching against an image URL's file name.
    public var baseName: String {
        fileName.split(separator: "/").last.map(String.init) ?? fileName
    }
}
