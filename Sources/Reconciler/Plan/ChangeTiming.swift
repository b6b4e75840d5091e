import Localization

/// When a changed field of a running guest takes effect.
public enum ChangeTiming: String, Sendable, Hashable, Codable {
    /// Applied to the running guest and its definition (balloon, vCPU hotplug, device hotplug).
    case live
    /// Written to the definition; the guest sees it after its next boot.
    case nextBoot = "next-boot"
    /// Only a rebuild (--replace) changes it.
    case replace

    /// As the text plan shows it after the value.
    public var label: LocalizedMessage {
        switch self {
        case .live: LocalizedMessage("plan.timing.live")
        case .nextBoot: LocalizedMessage("plan.timing.nextBoot")
        case .replace: LocalizedMessage("plan.timing.replace")
        }
    }
}
