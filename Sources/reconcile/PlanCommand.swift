import ArgumentParser
import Foundation
import LibvirtAdapter
import Localization
import Reconciler
import Spec

struct PlanCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plan",
            abstract: Localizer.current.text("help.plan.abstract"),
            discussion: """
                Reads every host afresh, compares it with the manifests and prints the changes: \
                + create, ~ update, - delete, -/+ replace, with each field's value before → after.

                Exit status: 0 when nothing would change; 2 with --detailed-exitcode when there are changes \
                (for CI and cron jobs); 1 on error, and also when anything declared would be left alone, with \
                or without --detailed-exitcode: a conflict (an object reconcile did not create, a disk another \
                VM uses), an image or checksum file that cannot be fetched, or a preflight blocker. Apply \
                cannot converge then, so a check must not read it as "no changes".

                Examples:
                  reconcile plan examples/ --connect test:///default
                  reconcile plan manifests/ --output json
                  reconcile plan manifests/ --out tonight.plan && reconcile apply --plan tonight.plan
                """)
    }

    @Argument(help: "Manifest files or directories.")
    var paths: [String]

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var provisioning: ProvisioningOptions
    @OptionGroup var fleet: FleetOptions

    @Option(name: .customLong("replace"), help: ArgumentHelp("Show the plan to rebuild this VM from its image (repeatable).", valueName: "vm"))
    var replace: [String] = []

    @Flag(help: "Also delete objects reconcile created that no manifest declares any more.")
    var prune = false

    @Flag(help: "Exit 2 when the plan has changes, 0 when it has none (1 when something is left alone).")
    var detailedExitcode = false

    @Option(help: ArgumentHelp("Save the plan, to apply later with `apply --plan FILE`.", valueName: "file"))
    var out: String?

    func run() async throws {
        LogSetup.configure(verbose: connection.verbose)
        // A local host is connected to and read while the manifests load (plan takes no locks, so
        // reading early changes nothing but when).
        let prefetch = LibvirtPrefetch()
        do {
            try await plan(prefetch: prefetch)
        } catch {
            await prefetch.settle()
            throw error
        }
        await prefetch.settle()
    }

    private func plan(prefetch: LibvirtPrefetch) async throws {
        let (paths, connect) = (paths, connection.connect)
        let loaded = try await prefetch.whileLoading {
            try ManifestLoading.load(paths, connect: connect, hypervisorFound: prefetch.start)
        }
        try ManifestLoading.checkReplace(replace, in: loaded)
        let manifests = try FleetOptions.select(loaded, targets: fleet.targets, prune: prune)
        let timings = HostTimings()
        let engine = fleet.configure(HostWiring.engine(sshConfig: connection.sshConfig, provisioning: provisioning, prefetch: prefetch), timings: timings)
        let plan: Plan
        do {
            let connected = try await engine.connect(manifests)
            plan = try await engine.plan(manifests, connected: connected, options: PlanOptions(
                prune: prune, replace: Set(replace), fingerprint: connection.output == .json || out != nil))
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
        switch connection.output {
        case .text:
            Terminal.write(PlanTextRenderer(style: Terminal.style()).render(plan))
            let hosts = HostSummary.rows(manifests: manifests, plan: plan, records: [], timings: timings)
            Terminal.write(HostSummary.closingTable(hosts, plan: plan, style: Terminal.style()))
        case .json: Terminal.write(PlanJSONRenderer().render(plan))
        }
        if let out {
            try PlanFile.save(SavedPlan(plan: plan, manifests: manifests, paths: paths, connect: connection.connect,
                                        prune: prune, replace: replace, targets: fleet.targets), to: out)
            if connection.output == .text { Terminal.write(Localizer.current.text("plan.savedTo", ["file": out]) + "\n") }
        }
        if let leftAlone = plan.leftAloneSummary(.current) {
            Terminal.error("error: " + Localizer.current.text("plan.leftAloneError", ["leftAlone": leftAlone]))
            throw ExitCode.failure
        }
        if detailedExitcode && plan.hasChanges { throw ExitCode(2) }
    }
}
