import Localization

/// Why a rung of the readiness ladder is not reached, and what to do next.
///
/// The problem and the next step are messages, worded in the user's language by the text renderer;
/// JSON carries their English wording (`problem`, `next`), whatever the locale.
public struct Blocker: Sendable, Codable, Equatable {
    public var rung: LadderRung
    public var problemMessage: LocalizedMessage
    public var nextMessage: LocalizedMessage

    public init(rung: LadderRung, problem: LocalizedMessage, next: LocalizedMessage) {
        self.rung = rung
        self.problemMessage = problem
        self.nextMessage = next
    }

    /// Text that is not in the catalogs: the same in every language.
    public init(rung: LadderRung, problem: String, next: String) {
        self.init(rung: rung, problem: LocalizedMessage.verbatim(problem), next: LocalizedMessage.verbatim(next))
    }

    /// A next step that is a command to type: the same in every language.
    public init(rung: LadderRung, problem: LocalizedMessage, command: String) {
        self.init(rung: rung, problem: problem, next: LocalizedMessage.verbatim(command))
    }

    public var problem: String { problemMessage.english }
    public var next: String { nextMessage.english }

    /// Equal when they say the same in English: a blocker read back from JSON has lost its keys only.
    public static func == (lhs: Blocker, rhs: Blocker) -> Bool {
        lhs.rung == rhs.rung && lhs.problem == rhs.problem && lhs.next == rhs.next
    }

    enum CodingKeys: String, CodingKey {
        case rung, problem, next
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(rung: try container.decode(LadderRung.self, forKey: .rung),
                  problem: LocalizedMessage.verbatim(try container.decode(String.self, forKey: .problem)),
                  next: LocalizedMessage.verbatim(try container.decode(String.self, forKey: .next)))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rung, forKey: .rung)
        try container.encode(problem, forKey: .problem)
        try container.encode(next, forKey: .next)
    }
}
