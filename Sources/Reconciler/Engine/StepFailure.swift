import HostCommands

/// Why a step failed, in the user's language for the terminal and in English for every JSON output
/// (`apply --output json`, `--log-format json`), which must not change with the locale.
public struct StepFailure: Sendable, Hashable, CustomStringConvertible {
    /// In the user's language.
    public let text: String
    public let english: String

    public init(text: String, english: String) {
        self.text = text
        self.english = english
    }

    public init(_ error: any Error) {
        self.init(text: ErrorText.text(error, .current), english: ErrorText.english(error))
    }

    public var description: String { text }
}
