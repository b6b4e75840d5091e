import HostCommands
import Localization

/// The SSH host of a hypervisor did not let reconcile in.
public struct HostSSHError: LocalizedDescription, Sendable {
    public var destination: String
    public var port: Int

    public func description(_ localizer: Localizer) -> String {
        let arguments = ["destination": destination, "port": "\(port)"]
        return localizer.text("adapter.ssh.cannotLogIn", arguments) + "\n  hint: " + localizer.text("adapter.ssh.hint", arguments)
    }
}
