import Spec

/// One reconcile pass, level-triggered: connect, observe every host afresh, plan, and (for apply)
/// execute and observe again to tell whether the hosts converged.
public struct Engine: Sendable {
    public let connector: any HypervisorConnector
    /// Images, seeds and SSH for guests built from a Distribution; nil when not available.
    public let provisioning: ProvisioningServices?

    public init(connector: any HypervisorConnector, provisioning: ProvisioningServices? = nil) {
        self.connector = connector
        self.provisioning = provisioning
    }

    /// The open connections of one pass, by hypervisor name.
    public struct Connected: Sendable {
        public var hosts: [String: HostConnection]
    }

    public func connect(_ manifests: ManifestSet) async throws -> Connected {
        var hosts: [String: HostConnection] = [:]
        for spec in manifests.hypervisors {
            do {
                hosts[spec.name] = HostConnection(hypervisor: try await connector.connect(uri: spec.uri),
                                                  provisioning: provisioning)
            } catch {
                throw ReconcileError(.connectionFailed, "cannot connect to hypervisor '\(spec.name)' at \(spec.uri)",
                                     cause: SendableErrorText(error))
            }
        }
        return Connected(hosts: hosts)
    }

    /// Observes all hosts concurrently; each pass starts from nothing remembered.
    public func observe(_ connected: Connected) async throws -> [String: HostState] {
        try await withThrowingTaskGroup(of: (String, HostState).self) { group in
            for (name, host) in connected.hosts {
                let hypervisor = host.hypervisor
                group.addTask {
                    do {
                        return (name, try await hypervisor.observe())
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
        let observed = try await observe(connected)
        let facts = await provisioningFacts(manifests)
        return Planner(options: options).plan(manifests: manifests, observed: observed, facts: facts)
    }

    /// Resolves image digests (reading checksum files), checks the cache and renders seeds, so the
    /// planner itself stays free of I/O.
    public func provisioningFacts(_ manifests: ManifestSet) async -> ProvisioningFacts {
        var facts = ProvisioningFacts()
        guard let provisioning else { return facts }
        let provisioned = manifests.virtualMachines.filter { $0.bootDistribution != nil && $0.state != .absent }
        let names = Set(provisioned.compactMap(\.bootDistribution))
        for distribution in manifests.distributions where names.contains(distribution.name) {
            let image = distribution.cloudImage
            for (role, source) in [(ImageTransfer.Role.disk, Optional(image.image)), (.kernel, image.kernel), (.initrd, image.initrd)] {
                guard let source else { continue }
                let key = ProvisioningFacts.key(distribution: distribution.name, role: role)
                do {
                    let digest = try await provisioning.images.resolveDigest(source)
                    facts.digests[key] = digest
                    if provisioning.images.cachedFile(digest: digest) != nil { facts.cached.insert(digest) }
                } catch {
                    facts.failures[key] = "\(error)"
                }
            }
        }
        for vm in provisioned {
            if let digest = try? await provisioning.seeds.digest(of: SeedRequest(for: vm)) {
                facts.seedDigests["\(vm.hypervisor)/\(vm.name)"] = digest
            }
        }
        return facts
    }

    public struct ApplyResult: Sendable {
        public var report: ExecutionReport
        /// The plan made after applying: empty when the hosts converged.
        public var remaining: Plan
        public var converged: Bool { report.allSucceeded && !remaining.hasChanges }
    }

    public func apply(_ plan: Plan, manifests: ManifestSet, connected: Connected, options: PlanOptions,
                      executor: Executor, events: @escaping @Sendable (ExecutionEvent) -> Void) async throws -> ApplyResult {
        let report = await executor.run(plan, on: connected.hosts, events: events)
        let remaining = try await self.plan(manifests, connected: connected, options: options)
        return ApplyResult(report: report, remaining: remaining)
    }
}

/// Keeps an error's text when the error itself is not `Sendable`.
public struct SendableErrorText: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ error: any Error) {
        description = "\(error)"
    }
}
