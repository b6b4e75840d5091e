import ArgumentParser
import HostCommands
import Localization
import Spec
import Status

/// Loads manifests for a command, printing every problem as FILE:LINE:COLUMN and exiting 1.
enum ManifestLoading {
    /// --connect (or a saved plan's) meets the same rules as a manifest's spec.uri, before anything is read.
    /// `report` receives each problem as one line (`error: ...` for people); by default it goes to stderr.
    /// `localizer` words it: `.english` where the lines become JSON events.
    static func checkConnect(_ connect: String?, localizer: Localizer = .current,
                             report: (String) -> Void = { Terminal.error($0) }) throws {
        if let connect, let problem = LibvirtURI.problem(connect) {
            report("error: " + localizer.text("cli.connectInvalid", ["uri": TerminalText.escape(connect), "problem": problem.text(localizer)]))
            throw ExitCode.failure
        }
    }

    /// No manifests: the implicit `local` hypervisor at --connect, or at the default URI.
    static func implicit(connect: String?) throws -> ManifestSet {
        try checkConnect(connect)
        return StatusCollector.implicitManifests(uri: connect ?? HypervisorSpec.defaultURI)
    }

    /// `hypervisorFound` hears the URI of each hypervisor as soon as it is known: --connect's at once,
    /// or each manifest's as its file is read, while the others still load.
    static func load(_ paths: [String], connect: String?, localizer: Localizer = .current,
                     report: (String) -> Void = { Terminal.error($0) },
                     hypervisorFound: (@Sendable (String) -> Void)? = nil) throws -> ManifestSet {
        try checkConnect(connect, localizer: localizer, report: report)
        if let connect { hypervisorFound?(connect) }
        do {
            let manifests = try ManifestLoader().load(paths: paths, hypervisorFound: connect == nil ? hypervisorFound : nil)
            return connect.map { manifests.connecting(to: $0) } ?? manifests
        } catch {
            for diagnostic in error.diagnostics { report(diagnostic.line(localizer)) }
            let count = error.diagnostics.count
            report(count == 1 ? localizer.text("cli.errorCount.one", ["count": "\(count)"])
                : localizer.text("cli.errorCount.other", ["count": "\(count)"]))
            throw ExitCode.failure
        }
    }

    /// `--replace NAME` for a VM no manifest declares is a mistake (a typo, the wrong directory);
    /// ignoring it would rebuild nothing and say nothing.
    static func checkReplace(_ names: [String], in manifests: ManifestSet) throws {
        let problems = manifests.replaceProblems(names)
        guard !problems.isEmpty else { return }
        for problem in problems { Terminal.error("error: \(problem)") }
        Terminal.error(Localizer.current.text("cli.nothingChanged"))
        throw ExitCode.failure
    }
}
