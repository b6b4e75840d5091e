import Localization

/// A hypervisor that could not be reached or read during a pass: it has no steps in the plan, and
/// the run does not converge until it answers.
public struct UnreachableHost: Sendable, Hashable, Codable {
    public var hypervisor: String
    public var uri: String
    public var reason: String
    /// What to do about it, when reconcile can tell (no libvirtd on a first run), in English (JSON).
    public var hints: [String]
    /// The same hints as messages, for text in the reader's language; not in JSON or saved plans.
    public var hintMessages: [LocalizedMessage] = []

    public init(hypervisor: String, uri: String, reason: String, hints: [String] = []) {
        self.hypervisor = hypervisor
        self.uri = uri
        self.reason = reason
        self.hints = hints
    }

    public init(hypervisor: String, uri: String, reason: String, hintMessages: [LocalizedMessage]) {
        self.init(hypervisor: hypervisor, uri: uri, reason: reason, hints: hintMessages.map(\.english))
        self.hintMessages = hintMessages
    }

    enum CodingKeys: String, CodingKey {
        case hypervisor, uri, reason, hints
    }

    /// Equal when the JSON is: a plan read back from a file has lost the hints' keys only.
    public static func == (lhs: UnreachableHost, rhs: UnreachableHost) -> Bool {
        lhs.hypervisor == rhs.hypervisor && lhs.uri == rhs.uri && lhs.reason == rhs.reason && lhs.hints == rhs.hints
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hypervisor)
        hasher.combine(uri)
        hasher.combine(reason)
        hasher.combine(hints)
    }

    /// The hints in the localizer's language; a plan read back from a file has their English words only.
    public func hints(_ localizer: Localizer) -> [String] {
        hintMessages.isEmpty ? hints : hintMessages.map { localizer.text($0) }
    }
}
