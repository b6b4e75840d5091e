import ArgumentParser
import Spec

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check manifests without connecting to any host.",
        discussion: """
            Reports every problem at once as FILE:LINE:COLUMN: error: MESSAGE and exits 1; \
            exits 0 with a one-line summary when the manifests are valid. No libvirt connection is opened.

            A PATH is a file or a directory; directories are read recursively for *.yaml and *.yml files.
            """)

    @Argument(help: "Manifest files or directories.")
    var paths: [String]

    func run() throws {
        let manifests = try ManifestLoading.load(paths, connect: nil)
        Terminal.write("Valid: \(manifests.sources.count) file\(manifests.sources.count == 1 ? "" : "s"), \(manifests.summary).\n")
    }
}
