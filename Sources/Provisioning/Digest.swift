import Localization

/// A content digest written as `sha256:HEX` or `sha512:HEX` (lowercase hex).
public struct Digest: Sendable, Hashable, Codable, CustomStringConvertible, LosslessStringConvertible {
    public let algorithm: HashAlgorithm
    public let hex: String

    /// Validates that `hex` is hexadecimal of the algorithm's length.
    public init(algorithm: HashAlgorithm, hex: String) throws {
        let lowered = hex.lowercased()
        guard lowered.count == algorithm.hexLength, lowered.allSatisfy(\.isHexDigit) else {
            throw ProvisioningError(
                .invalidArgument,
                LocalizedMessage("provisioning.digestWrongLength", [
                    "algorithm": algorithm.rawValue, "length": String(algorithm.hexLength), "value": String(hex.prefix(140)),
                ])
            )
        }
        self.algorithm = algorithm
        self.hex = lowered
    }

    /// For hasher output, whose shape is valid by construction.
    init(unchecked algorithm: HashAlgorithm, hex: String) {
        self.algorithm = algorithm
        self.hex = hex
    }

    /// Infers the algorithm from the length of a bare hex hash.
    public init(hex: String) throws {
        guard let algorithm = HashAlgorithm(hexLength: hex.count) else {
            throw ProvisioningError(
                .invalidArgument,
                LocalizedMessage("provisioning.digestUnknownLength", ["count": String(hex.count)])
            )
        }
        try self.init(algorithm: algorithm, hex: hex)
    }

    /// Parses `sha256:HEX` / `sha512:HEX`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let algorithm = HashAlgorithm(rawValue: parts[0].lowercased()) else {
            throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.notADigest", ["value": String(text.prefix(140))]))
        }
        try self.init(algorithm: algorithm, hex: parts[1])
    }

    public init?(_ description: String) {
        guard let parsed = try? Digest(parsing: description) else { return nil }
        self = parsed
    }

    public var description: String { "\(algorithm.rawValue):\(hex)" }

    /// A file-name-safe form, used for content-addressed cache paths.
    public var fileNameComponent: String { "\(algorithm.rawValue)-\(hex)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
