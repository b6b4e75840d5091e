import HostCommands

/// A `--target` that names no Hypervisor or VirtualMachine in the manifests.
public struct UnknownTargetError: Error, Sendable, CustomStringConvertible {
    public var target: String
    public var suggestion: String

    public var description: String {
        "--target '\(TerminalText.escape(target))' names no Hypervisor or VirtualMachine in the manifests\(suggestion)"
    }
}
