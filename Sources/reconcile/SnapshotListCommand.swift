import ArgumentParser
import Foundation
import HostCommands
import Localization
import Reconciler
import Spec

struct SnapshotListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: Localizer.current.text("help.snapshotList.abstract"),
            discussion: """
                Examples:
                  reconcile snapshot list web-1 -f manifests/
                  reconcile snapshot list web-1 --connect qemu:///system --output json
                """)
    }

    @Argument(help: "The virtual machine.")
    var vm: String

    @Option(name: [.customShort("f"), .customLong("manifests")],
            help: ArgumentHelp("Manifest files or directories that declare the VM (to find its hypervisor); repeatable.",
                               valueName: "path"))
    var paths: [String] = []

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.configure(verbose: connection.verbose)
        let target = try SnapshotTarget.resolve(vm: vm, paths: paths, connect: connection.connect)
        let (_, observed) = try await target.observe(vm: vm, sshConfig: connection.sshConfig)
        guard let observed else {
            Terminal.error("error: " + Localizer.current.text("cli.snapshot.noVM", ["vm": vm, "hypervisor": target.hypervisor, "uri": target.uri]))
            throw ExitCode.failure
        }
        let rows = SnapshotListing(domain: observed)
        switch connection.output {
        case .text: Terminal.write(rows.text())
        case .json: Terminal.write(try rows.json())
        }
    }
}
