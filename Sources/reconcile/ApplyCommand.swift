import ArgumentParser
import Foundation
import Reconciler
import Spec

struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Make the hosts match the manifests.",
        discussion: """
            Plans afresh, runs the steps (independent ones in parallel), then reads the hosts again and \
            reports whether they converged. It never prompts: it is made for unattended runs. \
            Re-running is always safe: a run that was interrupted is finished by the next one.

            Exit status: 0 when the hosts converged; 1 on any error, failed step or remaining difference, \
            and when anything declared was left alone: a conflict (an object reconcile did not create, a \
            disk another VM uses), an image or checksum file that cannot be fetched, or a preflight \
            blocker. The last line then says how many resources were left alone and why.

            Examples:
              reconcile apply examples/ --connect test:///default
              reconcile apply manifests/ --prune --parallel 8
              reconcile apply --plan tonight.plan
            """)

    @Argument(help: "Manifest files or directories (omit with --plan).")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Apply a plan saved by `plan --out`; refused if the hosts or manifests changed since.", valueName: "file"))
    var plan: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var provisioning: ProvisioningOptions
    @OptionGroup var fleet: FleetOptions

    @Option(name: .customLong("replace"), help: ArgumentHelp("Rebuild this VM from its image: its image disk and seed are recreated, data disks kept (repeatable).", valueName: "vm"))
    var replace: [String] = []

    @Flag(help: "Also delete objects reconcile created that no manifest declares any more.")
    var prune = false

    @Option(help: "How many independent steps may run at once on each hypervisor.")
    var parallel = 4

    @Option(help: ArgumentHelp("Seconds to wait for a guest to power off before forcing it off.", valueName: "seconds"))
    var shutdownTimeout = 120

    func validate() throws {
        if plan == nil && paths.isEmpty { throw ValidationError("give manifest paths, or --plan FILE") }
        if plan != nil && !paths.isEmpty { throw ValidationError("give either manifest paths or --plan FILE, not both") }
        if parallel < 1 { throw ValidationError("--parallel must be at least 1") }
        if plan != nil && !replace.isEmpty { throw ValidationError("--replace changes the plan: make a new one with `plan --replace`") }
        if plan != nil && !fleet.targets.isEmpty { throw ValidationError("--target changes the plan: make a new one with `plan --target`") }
        if shutdownTimeout < 0 { throw ValidationError("--shutdown-timeout must not be negative") }
    }

    func run() async throws {
        LogSetup.configure(verbose: connection.verbose)
        let saved = try plan.map(PlanFile.load)
        let paths = saved?.paths ?? self.paths
        let connect = saved?.connect ?? connection.connect
        let options = PlanOptions(prune: saved?.prune ?? prune, replace: Set(saved?.replace ?? replace))
        let manifests = try FleetOptions.select(ManifestLoading.load(paths, connect: connect),
                                                targets: saved?.targets ?? fleet.targets, prune: options.prune)
        let timings = HostTimings()
        let engine = fleet.configure(HostWiring.engine(sshConfig: connection.sshConfig, provisioning: provisioning), timings: timings)
        let text = connection.output == .text
        do {
            let connected = try await engine.connect(manifests)
            let fresh = try await engine.plan(manifests, connected: connected, options: options)
            if let saved, let problem = saved.mismatch(with: fresh, manifests: manifests) {
                Terminal.error("error: refusing to apply \(plan ?? "the saved plan"): \(problem). Run `reconcile plan` again.")
                throw ExitCode.failure
            }
            if text { Terminal.write(PlanTextRenderer(style: Terminal.style()).render(fresh)) }
            guard fresh.hasChanges else {
                let hosts = HostSummary.rows(manifests: manifests, plan: fresh, records: [], timings: timings)
                if !text { Terminal.write(ApplyReportJSON.render(plan: fresh, result: nil, events: [], hosts: hosts)) }
                if text { Terminal.write(HostSummary.closingTable(hosts, plan: fresh, style: Terminal.style())) }
                guard fresh.leavesSomethingAlone else { return }
                if text { Terminal.write(ApplyProgress.notConverged(fresh, failedSteps: 0) + "\n") }
                throw ExitCode.failure
            }
            let progress = ApplyProgress(text: text, style: Terminal.style(forStandardError: !text))
            let executor = Executor(parallelism: parallel, shutdownTimeout: .seconds(shutdownTimeout))
            let result = try await engine.apply(fresh, manifests: manifests, connected: connected, options: options,
                                                executor: executor, events: progress.handle)
            let hosts = HostSummary.rows(manifests: manifests, plan: result.remaining, records: progress.recorded, timings: timings)
            if text {
                Terminal.write(HostSummary.closingTable(hosts, plan: result.remaining, style: Terminal.style()))
                Terminal.write(progress.summary(result))
            } else {
                Terminal.write(ApplyReportJSON.render(plan: fresh, result: result, events: progress.recorded, hosts: hosts))
            }
            if !result.converged { throw ExitCode.failure }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode.failure
        }
    }
}
