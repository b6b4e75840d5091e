import ArgumentParser
import Foundation
import HostCommands
import HostProbe
import Localization

/// `reconcile detect`: reports which hypervisors this (or a remote) host can run.
struct DetectCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "detect",
            abstract: Localizer.current.text("help.detect.abstract")
        )
    }

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "Output format: text or json.")
    var output: OutputFormat = .text

    @Option(name: .long, help: "Probe a remote host over SSH instead: user@host[:port].")
    var host: String?

    @Option(name: .long, help: "ssh_config file for --host (passed to ssh -F).")
    var sshConfig: String?

    @Option(help: ArgumentHelp("Where the --host connection's shared SSH socket lives (default: ~/.local/state/reconcile).", valueName: "dir"))
    var stateDir: String?

    @Option(name: .long, help: ArgumentHelp("Probe a fixture tree (with _probe/state.json) instead of this machine.", visibility: .hidden))
    var fixtureRoot: String?

    @Flag(name: .long, help: "Log each command the probes run, with its exit status and duration, on stderr.")
    var verbose = false

    func run() async throws {
        LogSetup.configure(verbose: verbose)
        let report: DetectionReport
        if let transport = try await sshTransport() {
            report = await HostDetector(system: .remote(transport)).detect()
            await transport.close()
        } else if let fixtureRoot {
            report = await HostDetector(system: try HostAccess.fixture(root: fixtureRoot)).detect()
        } else {
            report = await HostDetector(system: .local()).detect()
        }
        switch output {
        case .json:
            Terminal.write(try report.jsonText() + "\n")
        case .text:
            let style = TextStyle.forOutput(
                isTerminal: isatty(STDOUT_FILENO) == 1,
                environment: ProcessInfo.processInfo.environment
            )
            Terminal.write(DetectionTextRenderer(style: style).render(try report.escapedForTerminal()))
        }
    }

    /// The SSH connection for --host, checked before probing so an
    /// unreachable host is an error rather than an all-"no" report.
    func sshTransport() async throws -> SSHTransport? {
        guard let host else { return nil }
        let target = try SSHTarget(parsing: host)
        let control = try SSHControlDirectory.prepare(stateDirectory: ProvisioningOptions.stateDirectory(stateDir))
        let transport = SSHTransport(target, options: SSHOptions(configFile: sshConfig, controlDirectory: control))
        guard await transport.checkConnection() else {
            throw ValidationError(Localizer.current.text("cli.detect.unreachable", ["destination": target.destination, "port": "\(target.port)"]))
        }
        return transport
    }
}
