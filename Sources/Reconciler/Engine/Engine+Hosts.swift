import Localization
import Spec

extension Engine {
    /// How many times apply plans afresh after host steps made libvirt answer.
    static let maximumPasses = 3

    public init(connector: any HypervisorConnector, systems: (any HostSystemConnector)?,
                provisioning: ProvisioningServices? = nil) {
        self.init(connector: connector, provisioning: provisioning)
        self.systems = systems
    }

    /// The host system of a `state: ready` hypervisor, when the engine was given a way to reach it.
    func system(for spec: HypervisorSpec) async throws -> (any HostSystem)? {
        guard spec.state == .ready, let systems else { return nil }
        do {
            return try await systems.system(for: spec)
        } catch {
            throw ReconcileError(.connectionFailed, LocalizedMessage("engine.cannotReachHost", ["name": spec.name]),
                                 cause: ErrorWording(error))
        }
    }

    /// Reads the facts of every `state: ready` host, asking only about what its manifests need.
    public func observeHosts(_ manifests: ManifestSet, connected: Connected) async throws -> [String: HostObservation] {
        var observations: [String: HostObservation] = [:]
        for spec in manifests.hypervisors where spec.state == .ready {
            guard let system = connected.hosts[spec.name]?.system else { continue }
            let pools = manifests.pools.filter { $0.hypervisor == spec.name }
            let defaultPool = pools.contains { $0.name == HostPlanner.defaultPoolName } ? [] : [HostPlanner.defaultPoolPath]
            let request = HostFactsRequest(packages: spec.packages, users: spec.users,
                                           poolPaths: defaultPool + pools.map(\.path))
            do {
                let facts = try await system.facts(request)
                observations[spec.name] = HostObservation(facts: facts, libvirtError: connected.unreachable[spec.name])
            } catch {
                throw ReconcileError(.observationFailed, LocalizedMessage("engine.cannotReadHost", ["name": spec.name, "target": "\(system.target)"]),
                                     cause: ErrorWording(error))
            }
        }
        return observations
    }

    /// Connects again to the hypervisors whose libvirt did not answer; the others keep their connection.
    func reconnectUnreachable(_ manifests: ManifestSet, _ connected: Connected) async throws -> Connected {
        var result = connected
        for spec in manifests.hypervisors where connected.unreachable[spec.name] != nil {
            do {
                result.hosts[spec.name]?.hypervisor = try await connector.connect(uri: spec.uri)
                result.unreachable[spec.name] = nil
            } catch {
                result.unreachable[spec.name] = ErrorWording(error)
            }
        }
        return result
    }

    /// Level-triggered apply: run the plan; when host steps made a daemon answer, plan its libvirt
    /// objects afresh and run them too, for a bounded number of passes.
    func applyInPasses(_ plan: Plan, manifests: ManifestSet, connected: Connected, options: PlanOptions,
                       executor: Executor, events: @escaping @Sendable (ExecutionEvent) -> Void) async throws -> ApplyResult {
        var connected = connected
        var current = plan
        var report = ExecutionReport()
        for pass in 1...Self.maximumPasses {
            report.outcomes += await runUnblocked(current, on: connected, executor: executor, events: events).outcomes
            let waiting = connected.unreachable
            if !waiting.isEmpty { connected = try await reconnectUnreachable(manifests, connected) }
            current = try await self.plan(manifests, connected: connected, options: options)
            let nowAnswering = waiting.keys.filter { connected.unreachable[$0] == nil }
            guard !nowAnswering.isEmpty, current.hasChanges, pass < Self.maximumPasses else { break }
        }
        return ApplyResult(report: report, remaining: current)
    }

    /// Runs every step except those on hosts with a preflight blocker, which are reported as skipped.
    func runUnblocked(_ plan: Plan, on connected: Connected, executor: Executor,
                      events: @escaping @Sendable (ExecutionEvent) -> Void) async -> ExecutionReport {
        let blocked = Set(plan.blockers.map(\.hypervisor))
        var runnable = plan
        runnable.steps = plan.steps.filter { !blocked.contains($0.resource.hypervisor) }
        var report = await runPerHost(runnable, on: connected.hosts, executor: executor, events: events)
        for step in plan.steps where blocked.contains(step.resource.hypervisor) {
            report.outcomes.append((step.id, .skipped(Self.blockerReason(hypervisor: step.resource.hypervisor))))
            events(.blocked(step, hypervisor: step.resource.hypervisor))
        }
        return report
    }

    /// Why a blocked step was skipped, in English for reports and JSON events.
    public static func blockerReason(hypervisor: String) -> String {
        "a preflight blocker on hypervisor '\(hypervisor)'"
    }
}
