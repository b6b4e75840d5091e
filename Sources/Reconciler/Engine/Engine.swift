import Foundation
import HostCommands
import Localization
import Logging
import Spec

/// One reconcile pass, level-triggered: connect, observe every host afresh, plan, and (for apply)
/// execute and observe again to tell whether the hosts converged.
public struct Engine: Sendable {
    public let connector: any HypervisorConnector
    /// Images, seeds and SSH for guests built from a Distribution; nil when not available.
    public let provisioning: ProvisioningServices?
    /// How many hypervisors are connected, observed and changed at once.
    public var parallelHosts = 8
    /// Where the time spent on each hypervisor is added up, for the per-host summary; nil when nobody asks.
    public var timings: HostTimings? = nil
    /// Reaches the machines of `state: ready` hypervisors; without it their host is not managed.
    public var systems: (any HostSystemConnector)? = nil
    /// The apply journal: plans read what interrupted runs left, apply records each step in it.
    public var journal: ApplyJournal? = nil

    public init(connector: any HypervisorConnector, provisioning: ProvisioningServices? = nil) {
        self.connector = connector
        self.provisioning = provisioning
    }

    /// The open connections of one pass, by hypervisor name.
    public struct Connected: Sendable {
        public var hosts: [String: HostConnection]
        /// `state: ready` hypervisors whose libvirt did not answer, with the reason.
        public var unreachable: [String: ErrorWording] = [:]
        /// Hypervisors that could not be reached at all, with the reason: left out of the pass so the
        /// others still converge, and reported per host.
        public var failed: [String: ErrorWording] = [:]
    }

    /// Connects to every hypervisor, `parallelHosts` at a time. One that cannot be reached is
    /// recorded in `failed`, never thrown: the others go on.
    public func connect(_ manifests: ManifestSet) async throws -> Connected {
        let outcomes = await BoundedConcurrency.map(manifests.hypervisors, limit: parallelHosts) { spec in
            let clock = ContinuousClock()
            let start = clock.now
            defer { timings?.add(clock.now - start, to: spec.name) }
            return (spec.name, await connectOne(spec))
        }
        var connected = Connected(hosts: [:])
        for (name, outcome) in outcomes {
            switch outcome {
            case .connected(let host): connected.hosts[name] = host
            case .waitingForLibvirt(let host, let reason):
                connected.hosts[name] = host
                connected.unreachable[name] = reason
            case .failed(let reason): connected.failed[name] = reason
            }
        }
        return connected
    }

    /// Plans every host that answered; a host that could not be reached or read is left out of the
    /// plan and listed in `Plan.unreachable`, so the others still converge.
    public func plan(_ manifests: ManifestSet, connected: Connected, options: PlanOptions) async throws -> Plan {
        let started = ContinuousClock.now
        let (observed, failures) = await observeEach(connected)
        let lost = connected.failed.merging(failures) { first, _ in first }
        let reachable = manifests.excludingHypervisors(Set(lost.keys))
        let hosts = try await observeHosts(reachable, connected: connected)
        let facts = await provisioningFacts(reachable)
        var plan = Planner(options: options).plan(manifests: reachable, observed: observed, hosts: hosts, facts: facts,
                                                  interrupted: journal?.interrupted() ?? [])
        plan.unreachable = manifests.hypervisors.compactMap { spec in
            // A daemon that does not answer is what a first run on a machine without libvirtd meets.
            lost[spec.name].map { UnreachableHost(hypervisor: spec.name, uri: spec.uri, reason: $0,
                                                  hints: connected.failed[spec.name] != nil ? Self.noDaemonHints(spec) : []) }
        }
        Self.logger.debug("planned", metadata: [
            "steps": "\(plan.steps.count)", "resources": "\(plan.resources.count)", "conflicts": "\(plan.conflicts.count)",
            "blockers": "\(plan.blockers.count)", "unreachable": "\(plan.unreachable.count)", "seconds": "\(Self.seconds(since: started))",
        ])
        return plan
    }

    /// Resolves image digests (reading checksum files), checks the cache and renders seeds, so the
    /// planner itself stays free of I/O.
    public func provisioningFacts(_ manifests: ManifestSet) async -> ProvisioningFacts {
        var facts = ProvisioningFacts()
        guard let provisioning else { return facts }
        let provisioned = manifests.virtualMachines.filter { $0.bootDistribution != nil && $0.state != .absent }
        if !provisioned.isEmpty { facts.seedBuilderProblem = provisioning.seeds.unavailableReason }
        let names = Set(provisioned.compactMap(\.bootDistribution))
        for distribution in manifests.distributions where names.contains(distribution.name) {
            var sources: [(ImageTransfer.Role, ImageSource?)] = []
            if let image = distribution.cloudImage { sources += [(.disk, image.image), (.kernel, image.kernel), (.initrd, image.initrd)] }
            if let installer = distribution.installer { sources += [(.iso, installer.iso), (.kernel, installer.kernel), (.initrd, installer.initrd)] }
            for (role, source) in sources {
                guard let source else { continue }
                await resolve(source, key: ProvisioningFacts.key(distribution: distribution.name, role: role), into: &facts, images: provisioning.images)
            }
        }
        for vm in manifests.virtualMachines where vm.state != .absent {
            guard let cdrom = vm.cdrom, case .download(let source) = cdrom.source else { continue }
            await resolve(source, key: ProvisioningFacts.cdromKey(hypervisor: vm.hypervisor, vm: vm.name), into: &facts, images: provisioning.images)
        }
        for vm in provisioned {
            if let digest = try? await provisioning.seeds.digest(of: SeedRequest(
                for: vm, distribution: vm.bootDistribution.flatMap { manifests.distribution(named: $0) })) {
                facts.seedDigests["\(vm.hypervisor)/\(vm.name)"] = digest
            }
        }
        return facts
    }

    /// The digest a source has now, and whether the cache holds it; a failure is kept for the plan's conflict.
    private func resolve(_ source: ImageSource, key: String, into facts: inout ProvisioningFacts, images: any ImageStore) async {
        do {
            let digest = try await images.resolveDigest(source)
            facts.digests[key] = digest
            if let file = images.cachedFile(digest: digest) {
                facts.cached.insert(digest)
                facts.cachedSizes[digest] = try? file.fileSize()
            }
        } catch {
            // JSON plans carry this text: English whatever the locale.
            facts.failures[key] = ErrorText.english(error)
        }
    }

    public struct ApplyResult: Sendable {
        public var report: ExecutionReport
        /// The plan made after applying: empty when the hosts converged.
        public var remaining: Plan
        /// A resource left alone (a conflict, an unreachable image) is not converged, even with no step left.
        public var converged: Bool { report.allSucceeded && remaining.isConverged }
    }

    public func apply(_ plan: Plan, manifests: ManifestSet, connected: Connected, options: PlanOptions,
                      executor: Executor, events: @escaping @Sendable (ExecutionEvent) -> Void) async throws -> ApplyResult {
        let journal = self.journal
        let journaled: @Sendable (ExecutionEvent) -> Void = { event in
            do {
                try journal?.record(event)
            } catch {
                if case .started(let step) = event { events(.progress(step, "warning: " + ErrorText.text(error, .current))) }
            }
            events(event)
        }
        return try await applyInPasses(plan, manifests: manifests, connected: connected, options: options,
                                       executor: executor, events: journaled)
    }
}
