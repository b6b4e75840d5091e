/// When a change to a VirtualMachine field reaches the guest.
public enum ChangeEffect: String, Sendable, CaseIterable {
    /// Applied to the running guest by the next apply.
    case live
    /// Written to the domain's definition; a running guest picks it up when it next boots.
    case nextBoot = "next boot"
    /// Used only when the guest is created; `apply --replace NAME` rebuilds the guest to change it.
    case replace

    public var explanation: String {
        switch self {
        case .live: "applied to the running guest by the next apply"
        case .nextBoot: "written to the definition by the next apply; a running guest sees it after its next boot"
        case .replace: "used only when the guest is created; `reconcile apply --replace NAME` rebuilds it"
        }
    }
}
