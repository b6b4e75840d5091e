public struct ExecutionReport: Sendable {
    public enum Outcome: Sendable, Equatable {
        case succeeded
        case failed(String)
        case skipped(String)
    }

    /// Outcome per step id, in the order steps finished.
    public var outcomes: [(id: String, outcome: Outcome)] = []

    public init() {}

    public var succeeded: Int { outcomes.filter { $0.outcome == .succeeded }.count }
    public var failed: [(id: String, message: String)] {
        outcomes.compactMap { if case .failed(let message) = $0.outcome { ($0.id, message) } else { nil } }
    }
    public var skipped: Int { outcomes.filter { if case .skipped = $0.outcome { true } else { false } }.count }
    public var allSucceeded: Bool { failed.isEmpty && skipped == 0 }

    public func outcome(of id: String) -> Outcome? { outcomes.first { $0.id == id }?.outcome }
}
