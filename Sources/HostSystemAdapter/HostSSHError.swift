import Localization

/// The SSH host of a hypervisor did not let reconcile in.
public struct HostSSHError: Error, Sendable, CustomStringConvertible {
    public var destination: String
    public var port: Int

    public var description: String {
        let arguments = ["destination": destination, "port": "\(port)"]
        return Localizer.current.text("adapter.ssh.cannotLogIn", arguments)
            + "\n  hint: " + Localizer.current.text("adapter.ssh.hint", arguments)
    }
}
