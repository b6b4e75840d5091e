import Localization
import Spec

extension HostPlanner {
    /// Plans what a running guest's changes need beyond its definition: the live step for what it
    /// takes without a restart, and for the rest either a restart (`restartPolicy: ifNeeded`) or a
    /// note that one is pending. Returns true when a restart is pending.
    mutating func planRunningGuestChanges(_ spec: VirtualMachineSpec, live: LiveChange, fields: [FieldChange],
                                          after definition: [String?], starting dependencies: [String?],
                                          notes: inout [LocalizedMessage]) -> Bool {
        let resource = address(.domain, spec.name)
        var applied: String?
        if !live.isEmpty {
            applied = add(resource, .applyLive(live), after: definition + dependencies,
                          reason: LocalizedMessage("plan.reason.applyLive", ["changes": Self.liveSummary(live)]))
        }
        let waiting = fields.filter { $0.timing == .nextBoot }.map(\.field)
        guard !waiting.isEmpty else { return false }
        let list = waiting.joined(separator: ", ")
        switch spec.restartPolicy {
        case .never:
            let arguments = ["fields": list, "name": spec.name]
            notes.append(waiting.count == 1 ? LocalizedMessage("plan.note.restartPending.one", arguments)
                : LocalizedMessage("plan.note.restartPending.other", arguments))
            return true
        case .ifNeeded:
            // The same graceful stop as state: stopped, then a start, once the definition holds the change.
            let stop = add(resource, .shutdownDomain(spec.name, timeoutSeconds: spec.stopTimeout), after: definition + [applied],
                           reason: LocalizedMessage("plan.reason.restartFor", ["fields": list]))
            add(resource, .startDomain(spec.name), after: [stop] + definition + dependencies,
                reason: LocalizedMessage("plan.reason.startAgain", ["fields": list]))
            notes.append(LocalizedMessage("plan.note.restarts", ["fields": list, "seconds": String(spec.stopTimeout)]))
            return false
        }
    }

    /// Moves what a running guest takes live out of the definition patch: hotplugged devices are
    /// attached to the guest and its definition at once, so the patch must not add them as well.
    /// Memory and vCPUs stay in the patch too (setting the same value twice is harmless).
    static func liveChange(taking patch: inout DomainPatch, fields: [FieldChange]) -> LiveChange {
        var live = LiveChange(name: patch.name, uuid: patch.uuid)
        let isLive = { (name: String) in fields.contains { $0.field == name && $0.timing == .live } }
        if isLive("memory") { live.memoryKiB = patch.currentMemoryKiB }
        if isLive("cpus") { live.vcpus = patch.currentVcpus }
        if isLive("cdrom") {
            live.changeMedia = patch.cdrom
            patch.cdrom = nil
        }
        live.attachDisks = patch.addedDisks
        live.attachInterfaces = patch.addedInterfaces
        patch.addedDisks = []
        patch.addedInterfaces = []
        return live
    }

    static func liveSummary(_ live: LiveChange) -> String {
        var parts: [String] = []
        if let kib = live.memoryKiB { parts.append("memory \(memory(kib))") }
        if let vcpus = live.vcpus { parts.append("\(vcpus) vCPUs") }
        parts += live.attachDisks.map { "disk \($0.target)" }
        parts += live.attachInterfaces.map { "a NIC on \($0.network)" }
        if let media = live.changeMedia { parts.append("a new medium in cdrom \(media.target)") }
        return parts.joined(separator: ", ")
    }
}
