import Localization

/// Encoded as its English text, like every message in machine-read output; read back as those words
/// in every language.
extension ErrorWording: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(LocalizedMessage.verbatim(try decoder.singleValueContainer().decode(String.self)))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(english)
    }
}
