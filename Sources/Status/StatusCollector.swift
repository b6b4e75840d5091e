import HostCommands
import HostProbe
import Reconciler
import Spec

/// Computes `reconcile status`: per Hypervisor, detection cards and one row per guest, the drift read
/// from the same plan `reconcile plan` makes. Reads only; nothing on any host changes.
public struct StatusCollector: Sendable {
    public let engine: Engine
    public let detector: any HostDetecting

    public init(engine: Engine, detector: any HostDetecting) {
        self.engine = engine
        self.detector = detector
    }

    /// With no manifests, the implicit `local` hypervisor at `uri` (every domain is then "not declared").
    public static func implicitManifests(uri: String = HypervisorSpec.defaultURI) -> ManifestSet {
        var set = ManifestSet()
        let location = SourceLocation(file: "<implicit>", line: 1, column: 1)
        set.hypervisors = [HypervisorSpec(metadata: ResourceMetadata(name: HypervisorSpec.implicitName, location: location),
                                          uri: uri, isImplicit: true)]
        return set
    }

    public func collect(_ manifests: ManifestSet) async -> StatusReport {
        var hosts: [HostStatus] = []
        for spec in manifests.hypervisors {
            hosts.append(await host(spec, in: manifests))
        }
        return StatusReport(hosts: hosts)
    }

    /// One host on its own, so that a host whose libvirt does not answer still shows its cards and
    /// does not hide the others.
    func host(_ spec: HypervisorSpec, in manifests: ManifestSet) async -> HostStatus {
        var status = HostStatus(name: spec.name, uri: spec.uri)
        do {
            status.hypervisors = HypervisorCard.cards(from: try await detector.detect(for: spec))
        } catch {
            // JSON keeps English; the renderers word the cause in the reader's language.
            status.cardsNote = ErrorText.english(error)
            status.cardsNoteCause = error as? any LocalizedDescription & Sendable
        }
        let own = manifests.restricted(to: spec.name)
        do {
            let connected = try await engine.connect(own)
            if let reason = connected.unreachable[spec.name] ?? connected.failed[spec.name] {
                status.error = reason.english
                status.errorCause = reason
                return status
            }
            guard let connection = connected.hosts[spec.name] else { return status }
            let observed = [spec.name: try await connection.hypervisor.observe()]
            let facts = await engine.provisioningFacts(own)
            let hostFacts = try await engine.observeHosts(own, connected: connected)
            let plan = Planner(options: PlanOptions()).plan(manifests: own, observed: observed, hosts: hostFacts, facts: facts)
            guard let state = observed[spec.name] else { return status }
            status.guests = await guests(on: state, hypervisor: spec.name, manifests: own, plan: plan,
                                         connection: connection)
        } catch {
            status.error = ErrorText.english(error)
            status.errorCause = error as? any LocalizedDescription & Sendable
        }
        return status
    }

    /// Every domain on the host, then every declared guest the host lacks, by name.
    func guests(on state: HostState, hypervisor: String, manifests: ManifestSet, plan: Plan,
                connection: HostConnection) async -> [GuestStatus] {
        let declared = Dictionary(manifests.virtualMachines.filter { $0.hypervisor == hypervisor }.map { ($0.name, $0) },
                                  uniquingKeysWith: { first, _ in first })
        var rows: [GuestStatus] = []
        for domain in state.domains {
            var row = GuestStatus(observed: domain, declared: declared[domain.name],
                                  plan: PlanVerdict(plan, domain: ResourceAddress(hypervisor: hypervisor, kind: .domain, name: domain.name)))
            if domain.state.isActive, let report = try? await connection.hypervisor.guestAddresses(domain: domain.name) {
                row.addresses = GuestAddress.preferred(report.addresses).map { GuestStatus.Address(address: $0.address, source: $0.source.rawValue) }
            }
            rows.append(row)
        }
        for spec in declared.values where state.domain(named: spec.name) == nil && spec.state != .absent {
            rows.append(GuestStatus(missing: spec,
                                    plan: PlanVerdict(plan, domain: ResourceAddress(hypervisor: hypervisor, kind: .domain, name: spec.name))))
        }
        return rows.sorted { $0.name < $1.name }
    }
}
