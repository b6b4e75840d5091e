import Foundation
import Logging
import Spec

/// One reconcile pass, level-triggered: connect, observe every host afresh, plan, and (for apply)
/// execute and observe again to tell whether the hosts converged.
public struct Engine: Sendable {
    public let connector: any HypervisorConnector
    /// Images, seeds and SSH for guests built from a Distribution; nil when not available.
    public let provisioning: ProvisioningServices?
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
        public var unreachable: [String: String] = [:]
    }

    public func connect(_ manifests: ManifestSet) async throws -> Connected {
        var hosts: [String: HostConnection] = [:]
        var unreachable: [String: String] = [:]
        for spec in manifests.hypervisors {
            let started = ContinuousClock.now
            Self.logger.debug("connecting", metadata: ["hypervisor": "\(spec.name)", "uri": "\(spec.uri)"])
            do {
                hosts[spec.name] = HostConnection(hypervisor: try await connector.connect(uri: spec.uri),
                                                  provisioning: provisioning)
                Self.logger.debug("connected", metadata: ["hypervisor": "\(spec.name)", "seconds": "\(Self.seconds(since: started))"])
            } catch {
                Self.logger.debug("connection failed", metadata: ["hypervisor": "\(spec.name)", "error": "\(error)"])
                if spec.state == .ready {
                    // Expected before the daemon is installed or started: the host steps come first.
                    unreachable[spec.name] = "\(error)"
                    hosts[spec.name] = HostConnection(hypervisor: UnreachableHypervisor(uri: spec.uri, reason: "\(error)"),
                                                      provisioning: provisioning)
                    hosts[spec.name]?.system = try await system(for: spec)
                    continue
                }
                throw ReconcileError(.connectionFailed, "cannot connect to hypervisor '\(spec.name)' at \(spec.uri)",
                                     cause: SendableErrorText(error), hints: Self.noDaemonHints(spec))
            }
            hosts[spec.name]?.system = try await system(for: spec)
        }
        return Connected(hosts: hosts, unreachable: unreachable)
    }

    /// Observes all hosts concurrently; each pass starts from nothing remembered.
    public func observe(_ connected: Connected) async throws -> [String: HostState] {
        try await withThrowingTaskGroup(of: (String, HostState).self) { group in
            for (name, host) in connected.hosts {
                if connected.unreachable[name] != nil { continue }
                let hypervisor = host.hypervisor
                group.addTask {
                    let started = ContinuousClock.now
                    do {
                        let state = try await hypervisor.observe()
                        Self.logger.debug("observed", metadata: [
                            "hypervisor": "\(name)", "domains": "\(state.domains.count)", "networks": "\(state.networks.count)",
                            "pools": "\(state.pools.count)", "volumes": "\(state.volumes.count)",
                            "seconds": "\(Self.seconds(since: started))",
                        ])
                        return (name, state)
                    } catch {
                        throw ReconcileError(.observationFailed, "cannot read the state of hypervisor '\(name)' (\(hypervisor.uri))",
                                             cause: SendableErrorText(error))
                    }
                }
            }
            var states: [String: HostState] = [:]
            for try await (name, state) in group { states[name] = state }
            return states
        }
    }

    public func plan(_ manifests: ManifestSet, connected: Connected, options: PlanOptions) async throws -> Plan {
        let started = ContinuousClock.now
        let observed = try await observe(connected)
        let hosts = try await observeHosts(manifests, connected: connected)
        let facts = await provisioningFacts(manifests)
        let plan = Planner(options: options).plan(manifests: manifests, observed: observed, hosts: hosts, facts: facts,
                                                  interrupted: journal?.interrupted() ?? [])
        Self.logger.debug("planned", metadata: [
            "steps": "\(plan.steps.count)", "resources": "\(plan.resources.count)", "conflicts": "\(plan.conflicts.count)",
            "blockers": "\(plan.blockers.count)", "seconds": "\(Self.seconds(since: started))",
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
            let image = distribution.cloudImage
            for (role, source) in [(ImageTransfer.Role.disk, Optional(image.image)), (.kernel, image.kernel), (.initrd, image.initrd)] {
                guard let source else { continue }
                let key = ProvisioningFacts.key(distribution: distribution.name, role: role)
                do {
                    let digest = try await provisioning.images.resolveDigest(source)
                    facts.digests[key] = digest
                    if let file = provisioning.images.cachedFile(digest: digest) {
                        facts.cached.insert(digest)
                        facts.cachedSizes[digest] = try? file.fileSize()
                    }
                } catch {
                    facts.failures[key] = "\(error)"
                }
            }
        }
        for vm in provisioned {
            if let digest = try? await provisioning.seeds.digest(of: SeedRequest(
                for: vm, distribution: vm.bootDistribution.flatMap { manifests.distribution(named: $0) })) {
                facts.seedDigests["\(vm.hypervisor)/\(vm.name)"] = digest
            }
        }
        return facts
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
                if case .started(let step) = event { events(.progress(step, "warning: \(error)")) }
            }
            events(event)
        }
        return try await applyInPasses(plan, manifests: manifests, connected: connected, options: options,
                                       executor: executor, events: journaled)
    }
}

/// Keeps an error's text when the error itself is not `Sendable`.
public struct SendableErrorText: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ error: any Error) {
        description = "\(error)"
    }
}
