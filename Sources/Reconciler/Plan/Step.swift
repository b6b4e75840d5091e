import Localization

/// One idempotent change on one resource, with the steps that must finish before it.
public struct Step: Sendable, Hashable, Identifiable {
    /// Stable across runs: `kind:address`, so a saved plan and a fresh one can be compared.
    public var id: String
    public var resource: ResourceAddress
    public var action: Action
    public var dependsOn: [String]
    /// Shown to people (in their language in the text plan, in English in JSON); never used to decide anything.
    public var reason: LocalizedMessage

    public init(resource: ResourceAddress, action: Action, dependsOn: [String] = [], reason: LocalizedMessage) {
        self.id = Step.id(action.kind, resource)
        self.resource = resource
        self.action = action
        self.dependsOn = dependsOn
        self.reason = reason
    }

    public init(resource: ResourceAddress, action: Action, dependsOn: [String] = [], reason: String) {
        self.init(resource: resource, action: action, dependsOn: dependsOn, reason: .verbatim(reason))
    }

    public var kind: StepKind { action.kind }

    public static func id(_ kind: StepKind, _ resource: ResourceAddress) -> String {
        "\(kind.rawValue):\(resource)"
    }
}
