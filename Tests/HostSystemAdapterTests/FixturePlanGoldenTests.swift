import Foundation
import HostProbe
import HostSystemAdapter
@testable import Reconciler
import Spec
import Testing

@Suite("Host steps and their exact commands on every distribution fixture")
struct FixturePlanGoldenTests {
    static func hypervisor() -> HypervisorSpec {
        HypervisorSpec(metadata: ResourceMetadata(name: "h", location: SourceLocation(file: "test", line: 1, column: 1)),
                       state: .ready, users: ["alice"])
    }

    /// The plan's host part, with the commands under each step: what a reviewer needs to trust it.
    static func render(_ plan: Plan, system: ProbedHostSystem) async -> String {
        var lines: [String] = []
        for step in plan.steps {
            lines.append("\(step.id)  (\(step.reason))")
            if !step.dependsOn.isEmpty { lines.append("  after: \(step.dependsOn.joined(separator: ", "))") }
            for command in await system.commands(for: step.action) { lines.append("  $ \(command.rendered)") }
        }
        lines += plan.notices.map { "notice: \($0)" }
        lines += plan.blockers.map { "blocker: \($0.message)\n  hint: \($0.hint)" }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("golden host plan", arguments: AdapterFixtures.names)
    func golden(name: String) async throws {
        let (system, root) = try AdapterFixtures.system(name)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let spec = Self.hypervisor()
        var manifests = ManifestSet()
        manifests.hypervisors = [spec]
        let facts = try await system.facts(HostFactsRequest(packages: nil, users: ["alice"], poolPaths: ["/var/lib/libvirt/images"]))
        let plan = Planner().plan(manifests: manifests, observed: [:],
                                  hosts: ["h": HostObservation(facts: facts, libvirtError: "not reached (fixture)")])
        try AdapterFixtures.expectMatchesGolden(await Self.render(plan, system: system), "\(name).txt")
    }
}
