import Localization

/// A hypervisor that could not be reached or read during a pass: it has no steps in the plan, and
/// the run does not converge until it answers.
public struct UnreachableHost: Sendable, Hashable, Codable {
    public var hypervisor: String
    public var uri: String
    /// Worded in the reader's language by the text plan, in English in JSON.
    public var reason: ErrorWording
    /// What to do about it, when reconcile can tell (no libvirtd on a first run).
    public var hints: [LocalizedMessage]

    public init(hypervisor: String, uri: String, reason: ErrorWording, hints: [LocalizedMessage] = []) {
        self.hypervisor = hypervisor
        self.uri = uri
        self.reason = reason
        self.hints = hints
    }

    public init(hypervisor: String, uri: String, reason: LocalizedMessage, hints: [LocalizedMessage] = []) {
        self.init(hypervisor: hypervisor, uri: uri, reason: ErrorWording(reason), hints: hints)
    }

    public init(hypervisor: String, uri: String, reason: String, hints: [String] = []) {
        self.init(hypervisor: hypervisor, uri: uri, reason: .verbatim(reason), hints: hints.map(LocalizedMessage.verbatim))
    }

    enum CodingKeys: String, CodingKey { case hypervisor, uri, reason, hints }

    /// Encoded with English text, as before messages had keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hypervisor, forKey: .hypervisor)
        try container.encode(uri, forKey: .uri)
        try container.encode(reason.english, forKey: .reason)
        try container.encode(hints.map(\.english), forKey: .hints)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(hypervisor: try container.decode(String.self, forKey: .hypervisor),
                  uri: try container.decode(String.self, forKey: .uri),
                  reason: try container.decode(String.self, forKey: .reason),
                  hints: try container.decode([String].self, forKey: .hints))
    }
}
