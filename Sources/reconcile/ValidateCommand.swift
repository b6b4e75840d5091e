import ArgumentParser
import Localization
import Spec

struct ValidateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "validate",
            abstract: Localizer.current.text("help.validate.abstract"),
            discussion: """
                Reports every problem at once as FILE:LINE:COLUMN: error: MESSAGE and exits 1; \
                exits 0 with a one-line summary when the manifests are valid. No libvirt connection is opened.

                With --output json, prints {"formatVersion": 1, "valid": ..., "problems": [...]}, each problem \
                with file, line, column, field (null when none), message and severity; problems is empty and \
                the exit status 0 when the manifests are valid.

                A PATH is a file or a directory; directories are read recursively for *.yaml and *.yml files \
                (in any case), skipping hidden files and directories such as .git and .github.
                """)
    }

    @Argument(help: "Manifest files or directories.")
    var paths: [String]

    @Option(name: .long, help: "Output format: text for people, json for programs.")
    var output: OutputFormat = .text

    func run() throws {
        switch output {
        case .text:
            let manifests = try ManifestLoading.load(paths, connect: nil)
            let count = manifests.sources.count
            let arguments = ["count": "\(count)", "summary": manifests.summary]
            Terminal.write((count == 1 ? Localizer.current.text("cli.valid.one", arguments)
                : Localizer.current.text("cli.valid.other", arguments)) + "\n")
        case .json:
            let problems: [Diagnostic]
            do {
                _ = try ManifestLoader().load(paths: paths)
                problems = []
            } catch {
                problems = error.diagnostics
            }
            Terminal.write(ValidationReportJSON.render(problems))
            if !problems.isEmpty { throw ExitCode.failure }
        }
    }
}
