import HostCommands
import Localization
import Spec

extension HostPlanner {
    /// The path of the VM's declared CD-ROM medium and the steps that put it in its pool; nil (with
    /// a conflict) when the medium cannot be had, so the VM is left alone.
    mutating func planCDROM(_ spec: VirtualMachineSpec, after deletions: [String]) -> (path: String?, steps: [String])? {
        guard let cdrom = spec.cdrom else { return (nil, []) }
        let resource = address(.domain, spec.name)
        switch cdrom.source {
        case .volume(let volume):
            guard state.volume(pool: cdrom.pool, name: volume) != nil else {
                conflict(resource, LocalizedMessage("plan.cdrom.missingVolume", ["name": spec.name, "volume": "\(cdrom.pool)/\(volume)"]),
                         hint: LocalizedMessage("plan.cdrom.missingVolumeHint", ["pool": cdrom.pool]))
                return nil
            }
            return (builder.volumePath(pool: cdrom.pool, volume: volume), [])
        case .download(let source):
            let key = ProvisioningFacts.cdromKey(hypervisor: name, vm: spec.name)
            guard let digest = facts.digests[key] else {
                conflict(resource, LocalizedMessage("plan.cdrom.unresolved", [
                             "name": spec.name, "detail": (facts.failures[key] ?? "no digest").redactingURLCredentials,
                         ]),
                         hint: LocalizedMessage("plan.cdrom.unresolvedHint", ["name": spec.name]), cause: .unreachableImage)
                return nil
            }
            if cdrom.allowHTTP { warnAboutHTTP(LocalizedMessage("plan.notice.cdromAllowHTTP", ["name": spec.name])) }
            let volume = ImageTransfer.volumeName(role: .iso, digest: digest, format: .raw)
            let step = planImageTransfer(owner: "cdrom of \(spec.name)", role: .iso, source: source, digest: digest,
                                         pool: cdrom.pool, volume: volume, format: .raw, after: deletions)
            return (builder.volumePath(pool: cdrom.pool, volume: volume), [step].compactMap { $0 })
        }
    }

    /// Adds, re-media or removes reconcile's CD-ROM. A new medium in an existing drive is a live media
    /// change; a drive cannot be hot-added on IDE or SATA, so adding or removing one waits for the next boot.
    /// Only the CD-ROM reconcile recorded as its own is ever removed.
    static func cdromPatch(_ desired: DomainDefinition, _ observed: ObservedDomain, into patch: inout DomainPatch,
                           timed: (FieldChange, ChangeTiming) -> Void) {
        if let want = desired.cdrom {
            if let have = observed.cdrom(at: want.target) {
                guard have.source != want.path else { return }
                patch.cdrom = want
                timed(FieldChange(field: "cdrom", before: have.source ?? "empty", after: want.path), .live)
            } else {
                patch.cdrom = want
                timed(FieldChange(field: "cdrom", before: nil, after: describe(want)), .nextBoot)
            }
            if let old = observed.ownership?.cdrom, old != want.target, observed.cdrom(at: old) != nil { patch.removeCDROM = old }
        } else if let target = observed.ownership?.cdrom, let have = observed.cdrom(at: target) {
            patch.removeCDROM = target
            timed(FieldChange(field: "cdrom", before: have.source ?? "empty", after: nil), .nextBoot)
        }
    }

    static func describe(_ cdrom: DomainDefinition.CDROM) -> String {
        "\(cdrom.target) \(cdrom.bus) read-only \(cdrom.path)"
    }
}
