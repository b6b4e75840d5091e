import Localization
import Spec

extension HostPlanner {
    /// A VM of a distribution without a cloud image: a blank disk, the installer ISO as its CD-ROM and
    /// the answer file on a seed ISO. Level-triggered like every VM: once defined, the ISO it was
    /// defined with stays (a newer ISO reaches new VMs only), and nothing is re-created or re-attached
    /// after the install. An installer booted by direct kernel boot powers off instead of rebooting
    /// (`on_reboot` destroy); the plan that sees it off removes the installer kernel, so the installed
    /// disk boots from then on.
    mutating func planInstallerImage(_ spec: VirtualMachineSpec, distribution: DistributionSpec, observed: ObservedDomain?,
                                     after deletions: [String]) -> GuestImagePlan? {
        guard let installer = distribution.installer, let disk = spec.disks.first(where: { $0.from != nil }) else { return nil }
        let resource = address(.domain, spec.name)
        guard let seedDigest = facts.seedDigests["\(name)/\(spec.name)"] else {
            conflict(resource, LocalizedMessage("plan.seed.answerUnprepared", ["name": spec.name]),
                     hint: LocalizedMessage("plan.seed.answerUnpreparedHint"), cause: .unpreparedSeed)
            return nil
        }
        if let observed, let recorded = observed.ownership?.baseImage {
            let current = facts.digests[ProvisioningFacts.key(distribution: distribution.name, role: .iso)]
            if let current, current != recorded {
                notice(LocalizedMessage("plan.notice.newerInstallerISO", [
                    "distribution": distribution.name, "name": spec.name,
                    "current": String(current.prefix(23)), "recorded": String(recorded.prefix(23)),
                ]))
            }
            let isoPath = builder.volumePath(pool: disk.pool, volume: ImageTransfer.volumeName(role: .iso, digest: recorded, format: .raw))
            let kernelBoot = observed.kernel != nil && observed.onReboot == "destroy"
            let finished = kernelBoot && observed.state == .shutoff && spec.state == .running
            var plan = GuestImagePlan(distribution: distribution, pool: disk.pool, baseDigest: recorded, basePath: nil,
                                      baseFormat: disk.format, kernelPath: finished ? nil : observed.kernel,
                                      initrdPath: finished ? nil : observed.initrd, cmdline: finished ? nil : observed.cmdline,
                                      seedDigest: observed.ownership?.seed ?? seedDigest, seedPath: observed.seedSource)
            plan.installerISOPath = isoPath
            plan.installing = kernelBoot && !finished
            plan.installFinished = finished
            return plan
        }
        if installer.allowHTTP { warnAboutHTTP(LocalizedMessage("plan.notice.installerAllowHTTP", ["distribution": distribution.name])) }
        guard let files = planImageFiles(distribution, [
            (.iso, installer.iso, .raw), (.kernel, installer.kernel, .raw), (.initrd, installer.initrd, .raw),
        ], pool: disk.pool, for: spec, after: deletions), let isoDigest = files.digests[.iso], let isoPath = files.paths[.iso] else {
            return nil
        }
        let seedVolume = SeedUpload.volumeName(guest: spec.name, digest: seedDigest)
        var plan = GuestImagePlan(distribution: distribution, pool: disk.pool, baseDigest: isoDigest, basePath: nil,
                                  baseFormat: disk.format, kernelPath: files.paths[.kernel], initrdPath: files.paths[.initrd],
                                  cmdline: files.paths[.kernel] == nil ? nil : Self.installerCommandLine(installer),
                                  seedDigest: seedDigest, seedPath: builder.volumePath(pool: disk.pool, volume: seedVolume),
                                  seedVolume: seedVolume)
        plan.installerISOPath = isoPath
        plan.installing = files.paths[.kernel] != nil
        plan.readySteps = planSeed(spec, distribution: distribution, digest: seedDigest, pool: disk.pool,
                                   after: files.ready, deletions: deletions)
        return plan
    }

    /// The arguments that point the installer at its answer file, then the manifest's own.
    static func installerCommandLine(_ installer: InstallerSpec) -> String {
        ([installer.answer.kind.kernelArguments] + [installer.cmdline].compactMap { $0 }).joined(separator: " ")
    }
}
