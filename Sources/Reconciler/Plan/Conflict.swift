import Localization

/// A resource the plan leaves alone because changing it would take something reconcile does not own,
/// or something it cannot reach. Any conflict means the hosts do not match the manifests.
public struct Conflict: Sendable, Hashable, Codable {
    /// Why the resource is left alone, for the counts in the closing line.
    public enum Cause: String, Sendable, Hashable, Codable {
        /// The object exists but reconcile did not create it, or another object already uses it.
        case conflict
        /// An image or its checksum file could not be fetched while planning.
        case unreachableImage = "unreachable-image"
        /// The guest's cloud-init seed cannot be prepared on this machine.
        case unpreparedSeed = "unprepared-seed"

        /// How the closing line counts `count` of them: "1 conflict", "2 unreachable images".
        func counted(_ count: Int) -> LocalizedMessage {
            let arguments = ["count": String(count)]
            return switch self {
            case .conflict: count == 1 ? LocalizedMessage("plan.count.conflict.one", arguments)
                : LocalizedMessage("plan.count.conflict.other", arguments)
            case .unreachableImage: count == 1 ? LocalizedMessage("plan.count.unreachableImage.one", arguments)
                : LocalizedMessage("plan.count.unreachableImage.other", arguments)
            case .unpreparedSeed: count == 1 ? LocalizedMessage("plan.count.unpreparedSeed.one", arguments)
                : LocalizedMessage("plan.count.unpreparedSeed.other", arguments)
            }
        }
    }

    public var address: ResourceAddress
    /// Worded in the reader's language by the text plan, in English in JSON.
    public var message: LocalizedMessage
    public var hint: LocalizedMessage
    public var cause: Cause

    public init(address: ResourceAddress, message: LocalizedMessage, hint: LocalizedMessage, cause: Cause = .conflict) {
        self.address = address
        self.message = message
        self.hint = hint
        self.cause = cause
    }

    public init(address: ResourceAddress, message: String, hint: String, cause: Cause = .conflict) {
        self.init(address: address, message: .verbatim(message), hint: .verbatim(hint), cause: cause)
    }

    enum CodingKeys: String, CodingKey { case address, message, hint, cause }

    /// Encoded with English text, as before messages had keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(address, forKey: .address)
        try container.encode(message.english, forKey: .message)
        try container.encode(hint.english, forKey: .hint)
        try container.encode(cause, forKey: .cause)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(address: try container.decode(ResourceAddress.self, forKey: .address),
                  message: try container.decode(String.self, forKey: .message),
                  hint: try container.decode(String.self, forKey: .hint),
                  cause: try container.decode(Cause.self, forKey: .cause))
    }
}
