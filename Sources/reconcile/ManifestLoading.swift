import ArgumentParser
import Spec

/// Loads manifests for a command, printing every problem as FILE:LINE:COLUMN and exiting 1.
enum ManifestLoading {
    /// `report` receives each problem as one line (`error: ...` for people); by default it goes to stderr.
    static func load(_ paths: [String], connect: String?,
                     report: (String) -> Void = { Terminal.error($0) }) throws -> ManifestSet {
        // --connect (or a saved plan's) meets the same rules as a manifest's spec.uri, before anything is read.
        if let connect, let problem = LibvirtURI.problem(connect) {
            report("error: --connect \(TerminalText.escape(connect)): \(problem); nothing was changed.")
            throw ExitCode.failure
        }
        do {
            let manifests = try ManifestLoader().load(paths: paths)
            return connect.map { manifests.connecting(to: $0) } ?? manifests
        } catch {
            for diagnostic in error.diagnostics { report(diagnostic.description) }
            let count = error.diagnostics.count
            report("\(count) error\(count == 1 ? "" : "s"); nothing was changed.")
            throw ExitCode.failure
        }
    }
}
