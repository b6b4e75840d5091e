import Foundation
import Localization
import Logging
import Spec

/// What `--verbose` shows of a pass, and the advice given when a hypervisor does not answer.
extension Engine {
    /// Debug lines for connections, observations, planning and steps. Only names, counts, timings
    /// and step ids go into them: never definitions, seeds or anything read from a secret file.
    static var logger: Logger { Logger(label: "reconcile.engine") }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = (ContinuousClock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return String(format: "%.3f", seconds)
    }

    /// What to do when libvirt at a `state: observed` hypervisor does not answer, which is what a
    /// first run on a machine without libvirtd sees.
    static func noDaemonHints(_ spec: HypervisorSpec) -> [LocalizedMessage] {
        guard spec.uri.lowercased().hasPrefix("qemu") else { return [] }
        // `qemu:///system` and `qemu+unix:///…` name this machine; anything else a remote one.
        let isLocal = spec.uri.range(of: ":///") != nil
        let detect = spec.ssh.map { "reconcile detect --host \($0)" }
            ?? (isLocal ? "reconcile detect" : "reconcile detect --host USER@HOST")
        return [
            LocalizedMessage("engine.hint.isLibvirtdRunning", ["command": detect]),
            spec.isImplicit ? LocalizedMessage("engine.hint.declareReady") : LocalizedMessage("engine.hint.setReady", ["name": spec.name]),
            LocalizedMessage("engine.hint.tryTestDriver"),
        ]
    }
}
