import ArgumentParser
import Foundation
import HostProbe

/// `reconcile detect`: reports which hypervisors this (or a remote) host can run.
struct DetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Detect the host's distribution and hypervisors (KVM, LXD, VirtualBox)."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "Output format: text or json.")
    var output: OutputFormat = .text

    @Option(name: .long, help: "Probe a remote host over SSH instead: user@host[:port].")
    var host: String?

    @Option(name: .long, help: ArgumentHelp("Probe a fixture tree (with _probe/state.json) instead of this machine.", visibility: .hidden))
    var fixtureRoot: String?

    func run() async throws {
        let system = try await makeSystem()
        let report = await HostDetector(system: system).detect()
        switch output {
        case .json:
            print(try report.jsonText())
        case .text:
            let style = TextStyle.forOutput(
                isTerminal: isatty(STDOUT_FILENO) == 1,
                environment: ProcessInfo.processInfo.environment
            )
            print(DetectionTextRenderer(style: style).render(report), terminator: "")
        }
    }

    func makeSystem() async throws -> HostSystem {
        if let fixtureRoot {
            return try HostSystem.fixture(root: fixtureRoot)
        }
        guard let host else { return .local() }
        let target = try SSHTarget(parsing: host)
        guard await SSHCommandRunner(target: target).checkConnection() else {
            throw ValidationError("cannot reach \(target.destination) on port \(target.port) over SSH (BatchMode: key authentication must work without prompts)")
        }
        return .ssh(target)
    }
}
