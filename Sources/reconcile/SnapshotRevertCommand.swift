import ArgumentParser
import Foundation
import HostCommands
import Localization
import Reconciler
import Spec

struct SnapshotRevertCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "revert",
            abstract: Localizer.current.text("help.snapshotRevert.abstract"),
            discussion: """
                Refused while the guest runs (its current state would be lost) and for VMs reconcile does \
                not manage; --force does both anyway. The revert is printed as a plan, then applied.

                Exit status: 0 when reverted; 1 when refused or failed.

                Examples:
                  reconcile snapshot revert web-1 before-upgrade -f manifests/
                  reconcile snapshot revert web-1 before-upgrade --connect qemu:///system --force
                """)
    }

    @Argument(help: "The virtual machine.")
    var vm: String

    @Argument(help: "The snapshot to revert to.")
    var snapshot: String

    @Option(name: [.customShort("f"), .customLong("manifests")],
            help: ArgumentHelp("Manifest files or directories that declare the VM (to find its hypervisor); repeatable.",
                               valueName: "path"))
    var paths: [String] = []

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Revert even while the guest runs, or when reconcile does not manage the VM.")
    var force = false

    func run() async throws {
        LogSetup.configure(verbose: connection.verbose)
        let target = try SnapshotTarget.resolve(vm: vm, paths: paths, connect: connection.connect)
        let (hypervisor, observed) = try await target.observe(vm: vm, sshConfig: connection.sshConfig)
        let plan: Plan
        do {
            plan = try SnapshotRevertPlan.make(hypervisor: target.hypervisor, uri: target.uri, domainName: vm,
                                               observed: observed, snapshot: snapshot, force: force)
        } catch {
            Terminal.error("error: " + Localizer.current.text("cli.unchanged", ["problem": error.description]))
            throw ExitCode.failure
        }
        let text = connection.output == .text
        if text { Terminal.write(PlanTextRenderer(style: Terminal.style()).render(plan)) }
        let progress = ApplyProgress(text: text, style: Terminal.style(forStandardError: !text))
        let report = await Executor(parallelism: 1).run(plan, on: [target.hypervisor: HostConnection(hypervisor: hypervisor)],
                                                        events: progress.handle)
        if !text { Terminal.write(PlanJSONRenderer().render(plan)) }
        guard report.allSucceeded else { throw ExitCode.failure }
        if text { Terminal.write(Localizer.current.text("cli.snapshot.reverted", ["vm": TerminalText.escape(vm), "snapshot": TerminalText.escape(snapshot)]) + "\n") }
    }
}
