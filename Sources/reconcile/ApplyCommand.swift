import ArgumentParser
import Foundation
import HostSystemAdapter
import Localization
import Reconciler
import Spec
import Status
import Unattended

struct ApplyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "apply",
            abstract: Localizer.current.text("help.apply.abstract"),
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
                  reconcile apply --watch --interval 5m --git https://git.example.com/infra.git --path hosts/
                  reconcile apply manifests/ --log-format json --metrics-file /var/lib/node_exporter/reconcile.prom
                  reconcile apply manifests/ --watch --metrics-addr 127.0.0.1:9464 --serve 127.0.0.1:8080

                SIGTERM and SIGINT let the running steps finish and start no other: a single apply then exits 1 \
                (not converged), --watch exits 0. With --watch, SIGHUP starts the next pass at once.
                """)
    }

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

    @Option(help: ArgumentHelp("Seconds a guest no manifest declares (--prune) gets to power off before it is forced off; declared VMs use spec.stopTimeout.", valueName: "seconds"))
    var shutdownTimeout = 120

    @Option(help: ArgumentHelp("Seconds to wait for another apply holding a hypervisor (or the state directory); 0 refuses at once, naming the holder.", valueName: "seconds"))
    var lockTimeout = 0

    @OptionGroup var unattended: UnattendedOptions

    func validate() throws {
        if plan == nil && paths.isEmpty && unattended.git == nil { throw ValidationError(Localizer.current.text("cli.apply.needInput")) }
        if plan != nil && !paths.isEmpty { throw ValidationError(Localizer.current.text("cli.apply.pathsOrPlan")) }
        if unattended.git != nil && (plan != nil || !paths.isEmpty) { throw ValidationError(Localizer.current.text("cli.apply.gitWithPaths")) }
        if plan != nil && unattended.watch { throw ValidationError(Localizer.current.text("cli.apply.watchWithPlan")) }
        if parallel < 1 { throw ValidationError(Localizer.current.text("cli.optionBelowOne", ["option": "--parallel"])) }
        if plan != nil && !replace.isEmpty { throw ValidationError(Localizer.current.text("cli.apply.changesPlan", ["option": "--replace"])) }
        if plan != nil && !fleet.targets.isEmpty { throw ValidationError(Localizer.current.text("cli.apply.changesPlan", ["option": "--target"])) }
        if shutdownTimeout < 0 { throw ValidationError(Localizer.current.text("cli.optionNegative", ["option": "--shutdown-timeout"])) }
        if lockTimeout < 0 { throw ValidationError(Localizer.current.text("cli.optionNegative", ["option": "--lock-timeout"])) }
    }

    func run() async throws {
        let events = unattended.logFormat == .json ? EventLog(write: Terminal.writeStandardError) : nil
        LogSetup.configure(verbose: connection.verbose, events: events)
        let saved = try plan.map(PlanFile.load)
        let git: GitSource?
        do {
            git = try unattended.git.map {
                try GitSource(url: $0, ref: unattended.ref, path: unattended.path, stateDirectory: provisioning.stateDirectory)
            }
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
        let metrics = PassMetrics()
        let metricsAddress = try unattended.metricsAddress()
        let statusAddress = try unattended.statusAddress()
        for (option, address) in [("--metrics-addr", metricsAddress), ("--serve", statusAddress)] {
            guard let address, !address.isLoopback else { continue }
            let warning = LocalizedMessage("apply.notLoopback", ["option": option, "address": "\(address)"])
            if let events { events.emit(EventLog.MessageEvent("warning", warning.english)) } else { Terminal.error("warning: \(warning.text())") }
        }
        let engine = HostWiring.engine(sshConfig: connection.sshConfig, provisioning: provisioning)
        let statusPage = statusAddress.map { _ in
            ServedStatus(collector: StatusCollector(engine: engine, detector: StatusHostDetector(
                connector: ProbedHostSystemConnector(sshConfig: connection.sshConfig, stateDirectory: provisioning.stateDirectory))))
        }
        let pass = ApplyPass(
            paths: saved?.paths ?? paths, saved: saved, savedName: plan, connect: saved?.connect ?? connection.connect,
            // Only a saved plan is checked against the fingerprint of a fresh observation.
            options: PlanOptions(prune: saved?.prune ?? prune, replace: Set(saved?.replace ?? replace), fingerprint: saved != nil),
            engine: engine,
            output: connection.output, parallel: parallel, shutdownTimeout: shutdownTimeout,
            lockTimeout: lockTimeout, targets: saved?.targets ?? fleet.targets, parallelHosts: fleet.parallelHosts,
            stateDirectory: provisioning.stateDirectory, git: git,
            log: events, metrics: metrics,
            metricsFile: unattended.metricsFile.map { MetricsFile(path: $0, metrics: metrics) },
            statusPage: statusPage)
        let server = metricsAddress == nil && statusAddress == nil ? nil
            : WatchServer(metrics: metricsAddress.map { ($0, metrics) },
                          status: statusAddress.flatMap { address in statusPage.map { (address, $0) } })
        let service = ApplyService(pass: pass, backoff: unattended.watch ? try unattended.backoff() : nil, server: server)
        do {
            if try await !service.runInGroup() { throw ExitCode.failure }
        } catch let failure as WatchServer.ListenFailure {
            Terminal.error("error: \(failure)")
            throw ExitCode.failure
        }
    }
}
