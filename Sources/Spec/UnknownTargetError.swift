import HostCommands
import Localization

/// A `--target` that names no Hypervisor or VirtualMachine in the manifests.
public struct UnknownTargetError: Error, Sendable, CustomStringConvertible {
    public var target: String
    /// ` (did you mean …?)`, when a declared name is close.
    public var suggestion: LocalizedMessage?

    public var message: DiagnosticText {
        DiagnosticText(LocalizedMessage("spec.unknownTarget", ["target": TerminalText.escape(target)])) + suggestion
    }

    public var description: String { message.description }
}
