/// The SSH host of a hypervisor did not let reconcile in.
public struct HostSSHError: Error, Sendable, CustomStringConvertible {
    public var destination: String
    public var port: Int

    public var description: String {
        "cannot log in to \(destination) on port \(port) over SSH (BatchMode: key authentication must work without prompts)\n  hint: try `ssh -o BatchMode=yes -p \(port) \(destination) true` by hand; add your public key to the remote ~/.ssh/authorized_keys"
    }
}
