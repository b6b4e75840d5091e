import HostCommands
import Localization
import Spec

extension HostPlanner {
    /// Makes sure the VM's base image (and kernel and initrd) are in its pool and plans its seed.
    /// An existing VM keeps the image and seed it was built with: a newer image behind the same URL
    /// only reaches new VMs, and a changed seed needs `--replace`, since cloud-init runs once.
    mutating func planGuestImage(_ spec: VirtualMachineSpec, distribution: DistributionSpec, observed: ObservedDomain?,
                                 after deletions: [String]) -> GuestImagePlan? {
        let resource = address(.domain, spec.name)
        guard let disk = spec.disks.first(where: { $0.from != nil }) else { return nil }
        let seedKey = "\(name)/\(spec.name)"
        guard let seedDigest = facts.seedDigests[seedKey] else {
            conflict(resource, LocalizedMessage("plan.seed.unprepared", ["name": spec.name]), hint: LocalizedMessage("plan.seed.unpreparedHint"),
                     cause: .unpreparedSeed)
            return nil
        }
        if let observed, let recorded = observed.ownership?.baseImage {
            // Built before: keep its base, kernel and seed exactly as they are.
            let current = facts.digests[ProvisioningFacts.key(distribution: distribution.name, role: .disk)]
            if let current, current != recorded {
                notice(LocalizedMessage("plan.notice.newerImage", [
                    "distribution": distribution.name, "current": String(current.prefix(23)), "name": spec.name,
                    "recorded": String(recorded.prefix(23)),
                ]))
            }
            if let seed = observed.ownership?.seed, seed != seedDigest {
                notice(LocalizedMessage("plan.notice.seedChanged", ["name": spec.name]))
            }
            let format = distribution.cloudImage?.format ?? .qcow2
            let basePath = builder.volumePath(pool: disk.pool, volume: ImageTransfer.volumeName(role: .disk, digest: recorded, format: format))
            return GuestImagePlan(distribution: distribution, pool: disk.pool, baseDigest: recorded, basePath: basePath,
                                  baseFormat: format, kernelPath: observed.kernel,
                                  initrdPath: observed.initrd, cmdline: observed.cmdline,
                                  seedDigest: observed.ownership?.seed ?? seedDigest, seedPath: observed.seedSource)
        }
        guard let cloudImage = distribution.cloudImage else { return nil }
        if cloudImage.allowHTTP { warnAboutHTTP(LocalizedMessage("plan.notice.allowHTTP", ["distribution": distribution.name])) }
        guard let files = planImageFiles(distribution, [
            (.disk, cloudImage.image, cloudImage.format), (.kernel, cloudImage.kernel, .raw), (.initrd, cloudImage.initrd, .raw),
        ], pool: disk.pool, for: spec, after: deletions), let baseDigest = files.digests[.disk], let basePath = files.paths[.disk] else {
            return nil
        }
        let seedVolume = SeedUpload.volumeName(guest: spec.name, digest: seedDigest)
        var plan = GuestImagePlan(distribution: distribution, pool: disk.pool, baseDigest: baseDigest, basePath: basePath,
                                  baseFormat: cloudImage.format, kernelPath: files.paths[.kernel],
                                  initrdPath: files.paths[.initrd], cmdline: cloudImage.cmdline,
                                  seedDigest: seedDigest, seedPath: builder.volumePath(pool: disk.pool, volume: seedVolume),
                                  seedVolume: seedVolume)
        plan.readySteps = planSeed(spec, distribution: distribution, digest: seedDigest, pool: disk.pool,
                                   after: files.ready, deletions: deletions)
        return plan
    }

    mutating func warnAboutHTTP(_ warning: LocalizedMessage) {
        if !notices.contains(warning) { notice(warning) }
    }

    /// Plans the download and upload of each file a distribution boots from; nil (with a conflict)
    /// when one cannot be resolved.
    mutating func planImageFiles(_ distribution: DistributionSpec, _ sources: [(ImageTransfer.Role, ImageSource?, DiskFormat)],
                                 pool: String, for spec: VirtualMachineSpec, after deletions: [String])
        -> (paths: [ImageTransfer.Role: String], digests: [ImageTransfer.Role: String], ready: [String])? {
        var ready: [String] = []
        var paths: [ImageTransfer.Role: String] = [:]
        var digests: [ImageTransfer.Role: String] = [:]
        for (role, source, format) in sources {
            guard let source else { continue }
            let key = ProvisioningFacts.key(distribution: distribution.name, role: role)
            guard let digest = facts.digests[key] else {
                let field = distribution.installer == nil ? "cloudImage" : "installer"
                conflict(address(.domain, spec.name), LocalizedMessage("plan.image.unresolved", [
                             "role": role.rawValue, "distribution": distribution.name,
                             "detail": (facts.failures[key] ?? "no digest").redactingURLCredentials,
                         ]),
                         hint: field == "cloudImage" ? LocalizedMessage("plan.image.unresolvedHint", ["distribution": distribution.name])
                             : LocalizedMessage("plan.image.installerUnresolvedHint", ["distribution": distribution.name]),
                         cause: .unreachableImage)
                return nil
            }
            digests[role] = digest
            let volumeName = ImageTransfer.volumeName(role: role, digest: digest, format: format)
            paths[role] = builder.volumePath(pool: pool, volume: volumeName)
            if let step = planImageTransfer(owner: distribution.name, role: role, source: source, digest: digest,
                                            pool: pool, volume: volumeName, format: format, after: deletions) {
                ready.append(step)
            }
        }
        return (paths, digests, ready)
    }

    /// Builds and uploads the VM's seed unless its pool has it; returns the steps the VM waits for.
    mutating func planSeed(_ spec: VirtualMachineSpec, distribution: DistributionSpec, digest seedDigest: String, pool: String,
                           after ready: [String], deletions: [String]) -> [String] {
        let seedVolume = SeedUpload.volumeName(guest: spec.name, digest: seedDigest)
        guard state.volume(pool: pool, name: seedVolume) == nil || !deletions.isEmpty else { return ready }
        let request = SeedRequest(for: spec, distribution: distribution)
        if let problem = facts.seedBuilderProblem {
            let message = request.answer == nil ? LocalizedMessage("plan.seed.cannotBuild", ["name": spec.name], nested: ["detail": problem])
                : LocalizedMessage("plan.seed.cannotBuildAnswer", ["name": spec.name], nested: ["detail": problem])
            block(message, hint: LocalizedMessage("plan.seed.cannotBuildHint"))
        }
        let seedResource = ResourceAddress.volume(hypervisor: name, pool: pool, name: seedVolume)
        let first = steps.count
        let reason = request.answer.map {
            LocalizedMessage("plan.reason.answerSeed", [
                "file": $0.kind.fileName, "kind": $0.kind.rawValue, "label": $0.kind.seedLabel, "name": spec.name,
            ])
        } ?? LocalizedMessage("plan.reason.seed", ["name": spec.name])
        let step = add(seedResource, .createSeed(SeedUpload(request: request, digest: seedDigest, pool: pool, volume: seedVolume)),
                       // After the image: a download that fails then leaves nothing behind in the pool.
                       after: [poolReadyStep(pool)] + ready + deletions,
                       reason: reason)
        record(seedResource, .create, fields: [
            FieldChange(field: "seed", before: nil, after: "\(seedDigest.prefix(23))… (secrets redacted)"),
        ], sinceStep: first)
        return ready + [step]
    }

    /// Download (when not cached) and upload (when not in the pool) of one image file; returns the
    /// step the VM waits for, if any.
    mutating func planImageTransfer(owner: String, role: ImageTransfer.Role, source: ImageSource,
                                            digest: String, pool: String, volume: String, format: DiskFormat,
                                            after deletions: [String]) -> String? {
        let volumeResource = ResourceAddress.volume(hypervisor: name, pool: pool, name: volume)
        if let existing = stepID(.uploadImage, volumeResource) { return existing }
        var removal: String?
        if let present = state.volume(pool: pool, name: volume) {
            guard let expected = facts.cachedSizes[digest], let physical = present.physicalSize, physical < expected else {
                return nil
            }
            // Never pull an image from under a guest that boots from it; one being deleted in this
            // plan is gone before the file is.
            let users = state.domains.filter { domain in
                (domain.ownership?.baseImage == digest && role == .disk) || domain.kernel == present.path
                    || domain.initrd == present.path || domain.disks.contains { $0.source == present.path }
            }.filter { stepID(.undefineDomain, address(.domain, $0.name)) == nil }
            guard users.isEmpty else {
                notice(LocalizedMessage("plan.notice.shortImageInUse", [
                    "volume": "\(pool)/\(volume)", "size": "\(physical)", "expected": "\(expected)",
                    "users": users.map(\.name).joined(separator: ", "),
                ]))
                return nil
            }
            // A run killed mid-upload left a short file under the final name: replace it.
            let first = steps.count
            removal = add(volumeResource, .deleteVolume(pool: pool, name: volume), after: deletions,
                          reason: LocalizedMessage("plan.reason.uploadInterrupted", ["size": "\(physical)", "expected": "\(expected)"]))
            record(volumeResource, .delete, fields: [
                FieldChange(field: "size", before: "\(physical) bytes (incomplete)", after: nil),
            ], sinceStep: first)
        }
        let transfer = ImageTransfer(distribution: owner, role: role, source: source, digest: digest,
                                     volume: VolumeDefinition(pool: pool, name: volume, capacity: 0, format: format))
        let imageResource = address(.image, "\(owner)/\(role.rawValue)")
        var download: String? = stepID(.downloadImage, imageResource)
        if download == nil && !facts.cached.contains(digest) {
            let first = steps.count
            download = add(imageResource, .downloadImage(transfer), reason: LocalizedMessage("plan.reason.imageNotCached", [
                "role": role.rawValue, "digest": String(digest.prefix(23)),
            ]))
            record(imageResource, .create, fields: [
                FieldChange(field: "url", before: nil, after: source.url.redactingURLCredentials),
                FieldChange(field: "digest", before: nil, after: digest),
            ], sinceStep: first)
        }
        let first = steps.count
        let upload = add(volumeResource, .uploadImage(transfer), after: [download, poolReadyStep(pool), removal],
                         reason: LocalizedMessage("plan.reason.baseImage", ["role": role.rawValue, "distribution": owner]))
        record(volumeResource, .create, fields: [
            FieldChange(field: "from", before: nil, after: source.url.redactingURLCredentials),
            FieldChange(field: "digest", before: nil, after: digest),
        ], sinceStep: first)
        return upload
    }

    /// For a guest that should run: wait for its address and SSH, then install the agent, unless the
    /// domain's metadata says this exact agent installation already succeeded.
    mutating func planGuestReadiness(_ spec: VirtualMachineSpec, distribution: DistributionSpec, observed: ObservedDomain?,
                                     desired: DomainDefinition) {
        let resource = address(.domain, spec.name)
        let agent = spec.agent.map { agentRequest($0, distribution: distribution, observed: observed, desired: desired) }
        let created = stepID(.defineDomain, resource) != nil
        let needsAgent = agent != nil && (created || observed?.ownership?.agent != agent?.hash)
        guard spec.state == .running else {
            if needsAgent { notice(LocalizedMessage("plan.notice.agentLater", ["name": spec.name])) }
            return
        }
        guard created || needsAgent else { return }
        let first = steps.count
        let wait = GuestWait(guest: spec.name, macs: desired.interfaces.compactMap(\.mac), loginUser: ProvisioningFacts.loginUser,
                             timeoutSeconds: spec.bootTimeout)
        let start = stepID(.startDomain, resource)
        let ip = add(resource, .waitForIP(wait), after: [start], reason: LocalizedMessage("plan.reason.waitForIP"))
        let ssh = add(resource, .waitForSSH(wait), after: [ip], reason: LocalizedMessage("plan.reason.waitForSSH"))
        var fields: [FieldChange] = []
        if needsAgent, let agent {
            let what = agent.installCommands.isEmpty ? LocalizedMessage("plan.reason.agentReconfigure") : LocalizedMessage("plan.reason.agentInstall")
            add(resource, .installAgent(wait, agent), after: [ssh], reason: what)
            fields.append(FieldChange(field: "agent", before: observed?.ownership?.agent == nil ? nil : "configured differently",
                                      after: "\(agent.agent.service) → \(agent.agent.https ? "https" : "http") \(agent.agent.serverHost):\(agent.agent.port)"))
        }
        if created {
            appendSteps(to: resource, since: first)
        } else {
            record(resource, .update, fields: fields, sinceStep: first)
        }
    }

    private func agentRequest(_ agent: AgentSpec, distribution: DistributionSpec, observed: ObservedDomain?,
                              desired: DomainDefinition) -> AgentInstallRequest {
        let installHash = SpecHash.of(distribution.agentInstall)
        let configHash = SpecHash.of(agent)
        let hash = "\(installHash.prefix(16)).\(configHash.prefix(16))"
        let installedBefore = observed?.ownership?.agent?.hasPrefix("\(installHash.prefix(16)).") == true
        var ownership = desired.ownership
        ownership.agent = hash
        return AgentInstallRequest(agent: agent, installCommands: installedBefore ? [] : distribution.agentInstall,
                                   usesOpenRC: distribution.family == .alpine, hash: hash, ownership: ownership)
    }
}
