import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec
import Status

@Suite("Restart pending is level-triggered: every plan compares a running guest's live and persistent definitions")
struct RestartPendingTests {
    static func manifests(maxMemory: String = "4GiB", policy: String = "never") -> String {
        LiveChangeTests.manifests("autostart: false\nrestartPolicy: \(policy)\nstopTimeout: 5") {
            $0.replacingOccurrences(of: "maxMemory: 4GiB", with: "maxMemory: \(maxMemory)")
        }
    }

    @Test("on libvirt's test driver: a second plan after a maxMemory change is converged and still says a restart is pending")
    func secondPlanSaysPending() async throws {
        let harness = try await TestDriverTests.Harness()
        #expect(try await harness.apply(Self.manifests()).converged)
        #expect(try await harness.plan(Self.manifests()).pendingRestarts.isEmpty)

        let changed = Self.manifests(maxMemory: "8GiB")
        let first = try await harness.plan(changed)
        #expect(first.resources.first { $0.address.kind == .domain }?.restartPending == true)
        let applied = try await harness.apply(changed)
        #expect(applied.converged, "failed: \(applied.report.failed)")

        let second = try await harness.plan(changed)
        #expect(second.steps.isEmpty && second.isConverged, "\(second.steps.map(\.id))")
        let address = ResourceAddress(hypervisor: "h", kind: .domain, name: "web")
        #expect(second.pendingRestarts == [PendingRestart(address: address, fields: [
            FieldChange(field: "maxMemory", before: "4GiB", after: "8GiB").timed(.nextBoot),
        ])])
        #expect(second.restartPending == [address])
        #expect(second.restartPendingLine(.english)?.hasPrefix("Restart pending: 'web'") == true)
        let text = PlanTextRenderer().render(second)
        #expect(text.contains("Restart pending (in the definition, not yet in the running guest):")
                && text.contains("virtual machine \"web\" on h: maxMemory 4GiB → 8GiB")
                && text.contains("No changes. The hosts match the manifests. A restart is pending"), "\(text)")
        let json = PlanJSONRenderer().render(second)
        #expect(json.contains("\"pendingRestarts\" : [") && json.contains("\"resource\" : \"h/domain/web\"")
                && json.contains("\"converged\" : true"), "\(json)")

        // With restartPolicy: ifNeeded the same state plans the restart, and after it nothing is pending.
        let ifNeeded = Self.manifests(maxMemory: "8GiB", policy: "ifNeeded")
        let restart = try await harness.plan(ifNeeded)
        #expect(restart.pendingRestarts.isEmpty)
        #expect(restart.steps.map(\.kind).contains(.shutdownDomain) && restart.steps.map(\.kind).contains(.startDomain),
                "\(restart.steps.map(\.id))")
        #expect(restart.resources.first { $0.address.kind == .domain }?.fields.contains { $0.field == "maxMemory" && $0.timing == .nextBoot } == true)
        let restarted = try await harness.apply(ifNeeded)
        #expect(restarted.converged, "failed: \(restarted.report.failed)")
        let after = try await harness.plan(ifNeeded)
        #expect(after.steps.isEmpty && after.pendingRestarts.isEmpty, "\(after.steps.map(\.id)) \(after.pendingRestarts)")
    }

    @Test("only next-boot fields count: the balloon, vCPUs hotplugged within the maximum and devices attached live alone do not")
    func onlyNextBootFields() {
        var domain = ObservedDomain(name: "web", type: "qemu", vcpus: 4, memoryKiB: 4 << 20,
                                    disks: [.init(source: "/a.qcow2", target: "vda", bus: "virtio", format: "qcow2")],
                                    interfaces: [.init(type: "network", source: "lab", mac: "52:54:00:00:00:01", model: "virtio")],
                                    state: .running, autostart: false)
        domain.currentMemoryKiB = 2 << 20
        var live = domain
        live.currentMemoryKiB = 3 << 20
        live.disks.append(.init(source: "/hot.qcow2", target: "vdb", bus: "virtio", format: "qcow2"))
        domain.running = RunningDefinition(live)
        #expect(domain.pendingAtNextBoot.isEmpty)

        var changed = live
        changed.vcpus = 2
        changed.interfaces[0].source = "lab2"
        changed.vnc = true
        domain.running = RunningDefinition(changed)
        #expect(domain.pendingAtNextBoot.map(\.field) == ["maxCpus", "networks[52:54:00:00:00:01]", "console.vnc"])
        #expect(domain.pendingAtNextBoot.allSatisfy { $0.timing == .nextBoot })
        // A stopped guest has nothing pending: it boots with its definition.
        domain.state = .shutoff
        #expect(domain.pendingAtNextBoot.isEmpty)
    }

    @Test("a guest's status says restart pending beside its drift")
    func statusText() {
        var guest = GuestStatus(name: "web", type: "qemu", distribution: nil, state: "running", agent: .none, drift: .inSync,
                                managed: true, autostart: false)
        #expect(!guest.driftText.contains("restart pending"))
        guest.restartPending = true
        #expect(guest.driftText.hasSuffix(", restart pending"))
    }
}
