import Foundation
import HostProbe
import Reconciler
import Spec
import Status
@testable import LibvirtAdapter

/// A test-driver host with one guest of each kind `reconcile status` tells apart: `calm` (managed, in
/// sync), `web` (managed, memory changed behind reconcile's back), `test` (declared but not created by
/// reconcile: a conflict), a stray domain nobody declares (with markup and a bidi control in its name),
/// and `later` (declared, not created yet). The cards come from a detection fixture.
struct StatusScenario {
    static let strayName = "stray<b>&amp;\u{202E}x"

    let manifests: ManifestSet
    let report: StatusReport

    static func make(fixture: String = "fedora-41") async throws -> StatusScenario {
        let uri = try TestDriverNode.write()
        let hypervisor = try await LibvirtHypervisor.connect(uri: uri)
        let engine = Engine(connector: FixedConnector(hypervisor: hypervisor))
        let base = [
            Manifests.document("Network", "lab", "bridge: virbr-lab\nipv4: {address: 192.168.150.1, prefix: 24, dhcp: {start: 192.168.150.100, end: 192.168.150.200}}"),
            Manifests.document("StoragePool", "lab-pool", "path: /var/lib/libvirt/images/lab"),
            Manifests.document("VirtualMachine", "web", "memory: 1GiB\nautostart: true\ndisks: [{name: root, size: 1GiB}]\nnetworks: [lab]"),
            Manifests.document("VirtualMachine", "calm", "memory: 512MiB\nstate: stopped\ndisks: [{name: root, size: 1GiB}]\nnetworks: [lab]"),
        ]
        let applied = try ManifestFixture(base.joined(separator: "\n---\n") + "\n").load().connecting(to: uri)
        let connected = try await engine.connect(applied)
        let plan = try await engine.plan(applied, connected: connected, options: PlanOptions())
        let result = try await engine.apply(plan, manifests: applied, connected: connected, options: PlanOptions(),
                                           executor: Executor(parallelism: 2, shutdownTimeout: .seconds(5))) { _ in }
        guard result.converged else { throw ScenarioError(description: "apply did not converge: \(result.remaining.steps.map(\.id))") }

        // Drift on web, and a domain nobody declares.
        let web = try hypervisor.connection.domain(named: "web")
        guard let web else { throw ScenarioError(description: "web was not created") }
        _ = try hypervisor.connection.defineDomain(xml: try web.xml(inactive: true).replacingOccurrences(of: ">1048576<", with: ">524288<"))
        _ = try hypervisor.connection.defineDomain(xml: """
            <domain type='test'><name>\(strayName.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</name>
            <memory unit='KiB'>262144</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>
            """)

        let declared = base + [
            Manifests.document("VirtualMachine", "test", "memory: 1GiB\ndisks: [{name: root, size: 1GiB}]"),
            Manifests.document("VirtualMachine", "later", "memory: 512MiB\nstate: stopped\ndisks: [{name: root, size: 1GiB}]"),
        ]
        let manifests = try ManifestFixture(declared.joined(separator: "\n---\n") + "\n").load().connecting(to: uri)
        let detector = FixtureDetector(root: Self.fixtureRoot(fixture))
        let report = await StatusCollector(engine: engine, detector: detector).collect(manifests)
        return StatusScenario(manifests: manifests, report: report)
    }

    static func fixtureRoot(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("HostProbeTests/Fixtures/\(name)").path
    }

    struct ScenarioError: Error, CustomStringConvertible {
        var description: String
    }
}

/// Detection read from a HostProbe fixture tree instead of a machine.
struct FixtureDetector: HostDetecting {
    let root: String

    func detect(for hypervisor: HypervisorSpec) async throws -> DetectionReport {
        await HostDetector(system: try HostAccess.fixture(root: root)).detect()
    }
}
