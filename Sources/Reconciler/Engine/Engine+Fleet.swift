import Localization
import Spec

extension Engine {
    /// Connects to one hypervisor's libvirt and, for `state: ready` ones, to its host. A failure is
    /// returned, not thrown: one host that cannot be reached must not stop the others.
    func connectOne(_ spec: HypervisorSpec) async -> HostConnectOutcome {
        let hypervisor: any Hypervisor
        var waiting: ErrorWording?
        let started = ContinuousClock.now
        Self.logger.debug("connecting", metadata: ["hypervisor": "\(spec.name)", "uri": "\(spec.uri)"])
        do {
            hypervisor = try await connector.connect(uri: spec.uri)
            Self.logger.debug("connected", metadata: ["hypervisor": "\(spec.name)", "seconds": "\(Self.seconds(since: started))"])
        } catch {
            Self.logger.debug("connection failed", metadata: ["hypervisor": "\(spec.name)", "error": "\(error)"])
            guard spec.state == .ready else {
                let failure = ReconcileError(.connectionFailed, LocalizedMessage("engine.cannotConnect", ["name": spec.name, "uri": spec.uri]),
                                             cause: ErrorWording(error))
                return .failed(reason: ErrorWording(failure))
            }
            // Expected before the daemon is installed or started: the host steps come first.
            let reason = ErrorWording(error)
            waiting = reason
            hypervisor = UnreachableHypervisor(uri: spec.uri, reason: reason)
        }
        var host = HostConnection(hypervisor: hypervisor, provisioning: provisioning)
        do {
            host.system = try await system(for: spec)
        } catch {
            return .failed(reason: ErrorWording(error))
        }
        return waiting.map { .waitingForLibvirt(host, reason: $0) } ?? .connected(host)
    }

    /// Reads every host whose libvirt answers, `parallelHosts` at a time; the states of those that
    /// could be read, and why each other one could not.
    func observeEach(_ connected: Connected) async -> (states: [String: HostState], failures: [String: ErrorWording]) {
        let reachable = connected.hosts.filter { connected.unreachable[$0.key] == nil }.sorted { $0.key < $1.key }
        let outcomes = await BoundedConcurrency.map(reachable, limit: parallelHosts) { name, host in
            let clock = ContinuousClock()
            let start = clock.now
            defer { timings?.add(clock.now - start, to: name) }
            do {
                let state = try await host.hypervisor.observe()
                Self.logger.debug("observed", metadata: [
                    "hypervisor": "\(name)", "domains": "\(state.domains.count)", "networks": "\(state.networks.count)",
                    "pools": "\(state.pools.count)", "volumes": "\(state.volumes.count)",
                    "seconds": "\(Self.seconds(since: start))",
                ])
                return (name, Result<HostState, ReconcileError>.success(state))
            } catch {
                return (name, .failure(ReconcileError(.observationFailed, LocalizedMessage("engine.cannotObserve", ["name": name, "uri": host.hypervisor.uri]),
                                                      cause: ErrorWording(error))))
            }
        }
        var states: [String: HostState] = [:]
        var failures: [String: ErrorWording] = [:]
        for (name, outcome) in outcomes {
            switch outcome {
            case .success(let state): states[name] = state
            case .failure(let error): failures[name] = ErrorWording(error)
            }
        }
        return (states, failures)
    }

    /// Runs each hypervisor's steps on its own, `parallelHosts` hypervisors at a time and up to the
    /// executor's parallelism within each: a slow or failing host never holds up another.
    func runPerHost(_ plan: Plan, on hosts: [String: HostConnection], executor: Executor,
                    events: @escaping @Sendable (ExecutionEvent) -> Void) async -> ExecutionReport {
        var names: [String] = []
        for step in plan.steps where !names.contains(step.resource.hypervisor) { names.append(step.resource.hypervisor) }
        let reports = await BoundedConcurrency.map(names, limit: parallelHosts) { name in
            var part = plan
            part.steps = plan.steps.filter { $0.resource.hypervisor == name }
            let clock = ContinuousClock()
            let start = clock.now
            defer { timings?.add(clock.now - start, to: name) }
            return await executor.run(part, on: hosts, events: events)
        }
        var report = ExecutionReport()
        for part in reports { report.outcomes += part.outcomes }
        return report
    }
}
