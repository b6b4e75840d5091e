import Localization

/// Something that must be fixed on a host before reconcile may change it: `apply` refuses to run
/// any step on a host with a blocker.
public struct PreflightBlocker: Sendable, Hashable, Codable {
    public var hypervisor: String
    /// Worded in the reader's language by the text plan, in English in JSON.
    public var message: LocalizedMessage
    public var hint: LocalizedMessage

    public init(hypervisor: String, message: LocalizedMessage, hint: LocalizedMessage) {
        self.hypervisor = hypervisor
        self.message = message
        self.hint = hint
    }

    public init(hypervisor: String, message: String, hint: String) {
        self.init(hypervisor: hypervisor, message: .verbatim(message), hint: .verbatim(hint))
    }

    enum CodingKeys: String, CodingKey { case hypervisor, message, hint }

    /// Encoded with English text, as before messages had keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hypervisor, forKey: .hypervisor)
        try container.encode(message.english, forKey: .message)
        try container.encode(hint.english, forKey: .hint)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(hypervisor: try container.decode(String.self, forKey: .hypervisor),
                  message: try container.decode(String.self, forKey: .message),
                  hint: try container.decode(String.self, forKey: .hint))
    }
}
