import ArgumentParser
import Localization
import Reconciler
import Spec

/// Options for runs over many hypervisors: which of them (or which VMs) to reconcile, and how many at once.
struct FleetOptions: ParsableArguments {
    @Option(name: .customLong("target"), help: ArgumentHelp(
        "Reconcile only this Hypervisor (with everything declared on it) or VirtualMachine (with the networks, pools and distributions it needs; HYPERVISOR/VM when names repeat). Repeatable.",
        valueName: "name"))
    var targets: [String] = []

    @Option(help: "How many hypervisors are connected, read and changed at once.")
    var parallelHosts = 8

    func validate() throws {
        if parallelHosts < 1 { throw ValidationError(Localizer.current.text("cli.optionBelowOne", ["option": "--parallel-hosts"])) }
    }

    /// The part of the manifests the targets select; an unknown target, or pruning a VM's hypervisor
    /// while only that VM is selected, is an error before anything is read.
    static func select(_ manifests: ManifestSet, targets: [String], prune: Bool) throws -> ManifestSet {
        do {
            if prune && manifests.selectsPartOfAHost(targets) {
                Terminal.error("error: " + Localizer.current.text("cli.pruneTarget"))
                throw ExitCode.failure
            }
            return try manifests.targeting(targets)
        } catch let unknown as UnknownTargetError {
            Terminal.error("error: " + Localizer.current.text("cli.unchanged", ["problem": "\(unknown)"]))
            throw ExitCode.failure
        }
    }

    func configure(_ engine: Engine, timings: HostTimings) -> Engine {
        var engine = engine
        engine.parallelHosts = parallelHosts
        engine.timings = timings
        return engine
    }
}
