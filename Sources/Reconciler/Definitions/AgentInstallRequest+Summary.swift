import Localization

extension AgentInstallRequest {
    /// What the install-agent step did, for its line once the agent is active.
    public var doneSummary: LocalizedMessage {
        let arguments = ["service": agent.service, "count": String(installCommands.count)]
        return switch installCommands.count {
        case 0: LocalizedMessage("engine.detail.agentReconfigured", arguments)
        case 1: LocalizedMessage("engine.detail.agentInstalled.one", arguments)
        default: LocalizedMessage("engine.detail.agentInstalled.other", arguments)
        }
    }
}
