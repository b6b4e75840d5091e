/// Why a rung of the readiness ladder is not reached, and what to do next.
public struct Blocker: Sendable, Codable, Equatable {
    public var rung: LadderRung
    public var problem: String
    public var next: String

    public init(rung: LadderRung, problem: String, next: String) {
        self.rung = rung
        self.problem = problem
        self.next = next
    }
}
