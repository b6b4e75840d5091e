import HostCommands

/// A command to run on the host: environment overrides plus argv.
public struct HostCommand: Sendable, Codable, Equatable {
    public var environment: [String: String]
    public var argv: [String]

    public init(environment: [String: String] = [:], argv: [String]) {
        self.environment = environment
        self.argv = argv
    }

    /// Shell-style rendering for hints and logs, e.g.
    /// `DEBIAN_FRONTEND=noninteractive apt-get install -y libvirt-clients`.
    public var rendered: String {
        let assignments = environment.keys.sorted().map { "\($0)=\(ShellQuote.quote(environment[$0] ?? ""))" }
        return (assignments + [ShellQuote.join(argv)]).joined(separator: " ")
    }
}
