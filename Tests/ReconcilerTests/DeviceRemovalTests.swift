import Foundation
import Localization
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

@Suite("Removing disks and NICs from a manifest: only what reconcile attached goes")
struct DeviceRemovalTests {
    static let base = Manifests.join(
        Manifests.document("Hypervisor", "h", "uri: test:///default"),
        Manifests.document("Network", "lab", "ipv4: {address: 192.168.50.1, prefix: 24}"),
        Manifests.document("Network", "lab2", "ipv4: {address: 192.168.51.1, prefix: 24}"),
        Manifests.document("StoragePool", "images", "path: /srv/images"),
        Manifests.document("VirtualMachine", "web", "cpus: 2\nmemory: 2GiB\nautostart: false\nSTATE\ndisks: DISKS\nnetworks: NETS"))

    static let bothDisks = "[{name: root, size: 10GiB}, {name: data, size: 1GiB, deleteWithVM: true}]"
    static let rootOnly = "[{name: root, size: 10GiB}]"

    static func manifests(disks: String = bothDisks, networks: String = "[lab, lab2]", state: String = "running") -> String {
        base.replacingOccurrences(of: "DISKS", with: disks).replacingOccurrences(of: "NETS", with: networks)
            .replacingOccurrences(of: "STATE", with: "state: \(state)")
    }

    /// A guest with two disks and two NICs, created by reconcile.
    func created(_ fake: FakeHypervisor = FakeHypervisor(), state: String = "running") async throws -> (FakeHypervisor, Engine) {
        let engine = Engine(connector: FixedConnector(hypervisor: fake))
        let result = try await apply(Self.manifests(state: state), engine)
        #expect(result.converged)
        return (fake, engine)
    }

    func apply(_ text: String, _ engine: Engine) async throws -> Engine.ApplyResult {
        let set = try ManifestFixture(text).load()
        let connected = try await engine.connect(set)
        let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
        return try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                      executor: Executor(), events: { _ in })
    }

    func plan(_ text: String, _ fake: FakeHypervisor) throws -> Plan {
        Planner().plan(manifests: try ManifestFixture(text).load(), observed: ["h": fake.current])
    }

    @Test("a new guest's record names every declared disk (target and source) and NIC (by a MAC reconcile chose)")
    func recordOnCreate() async throws {
        let (fake, _) = try await created()
        let domain = try #require(fake.current.domain(named: "web"))
        let devices = try #require(domain.ownership?.devices)
        #expect(devices.disks == [OwnedDevices.Disk(target: "vda", source: "/srv/images/web-root.qcow2"),
                                  OwnedDevices.Disk(target: "vdb", source: "/srv/images/web-data.qcow2")])
        #expect(devices.interfaces.count == 2 && Set(devices.interfaces) == Set(domain.interfaces.compactMap(\.mac)))
        // The MACs are generated before the define: libvirt does not pick them, so the record can name them.
        #expect(devices.interfaces.allSatisfy { $0.hasPrefix("52:54:00:") } && devices.interfaces[0] == DefinitionBuilder.generatedMAC(vm: "web", index: 0))
        // The record is not part of the spec hash: the second plan is empty.
        #expect(try plan(Self.manifests(), fake).steps.isEmpty)
    }

    @Test("a running guest: the removed NIC and disk are `-` fields (live), unplugged by detach-device before the record forgets them")
    func runningRemoval() async throws {
        let (fake, engine) = try await created()
        let before = try #require(fake.current.domain(named: "web"))
        let lab2 = try #require(before.interfaces.first { $0.source == "lab2" }?.mac)
        let text = Self.manifests(disks: Self.rootOnly, networks: "[lab]")
        let planned = try plan(text, fake)
        let domain = try #require(planned.resources.first { $0.address.kind == .domain })
        #expect(domain.fields.contains(FieldChange(field: "disks[vdb]", before: "vdb virtio qcow2 /srv/images/web-data.qcow2", after: nil).timed(.live)))
        #expect(domain.fields.contains(FieldChange(field: "networks[\(lab2)]", before: "lab2 (\(lab2))", after: nil).timed(.live)))
        let detach = try #require(planned.step(id: "detach-device:h/domain/web"))
        guard case .detachDevices(let devices) = detach.action else { Issue.record("expected detach-device"); return }
        #expect(devices.disks == [OwnedDevices.Disk(target: "vdb", source: "/srv/images/web-data.qcow2")] && devices.interfaces == [lab2])
        #expect(devices.timeoutSeconds == DeviceDetach.defaultTimeoutSeconds)
        let record = try #require(planned.step(id: "record-ownership:h/domain/web"))
        #expect(record.dependsOn.contains(detach.id), "the record must wait for the unplug")
        // Not a restart, not a definition edit of the removed devices.
        #expect(!planned.steps.contains { $0.kind == .shutdownDomain })
        if case .updateDomain(let patch)? = planned.step(id: "update-domain:h/domain/web")?.action {
            #expect(patch.removedDisks.isEmpty && patch.removedInterfaces.isEmpty)
        }
        // The disk's volume is kept, deleteWithVM or not, and the plan says so.
        #expect(!planned.steps.contains { $0.kind == .deleteVolume })
        #expect(planned.notices.contains { $0.english.contains("disk vdb is detached") && $0.english.contains("is kept") })
        let text1 = PlanTextRenderer().render(planned)
        #expect(text1.contains("- disks[vdb]:") && text1.contains("(live)") && text1.contains("detach-device"), "\(text1)")
        let json = PlanJSONRenderer().render(planned)
        #expect(json.contains("\"kind\" : \"detach-device\""))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let resources = try #require(document["resources"] as? [[String: Any]])
        let fields = try #require(resources.first { $0["kind"] as? String == "domain" }?["fields"] as? [[String: Any]])
        let removedDisk = try #require(fields.first { $0["field"] as? String == "disks[vdb]" })
        #expect(removedDisk["before"] as? String == "vdb virtio qcow2 /srv/images/web-data.qcow2" && removedDisk["after"] == nil
                && removedDisk["timing"] as? String == "live", "\(removedDisk)")

        let result = try await apply(text, engine)
        #expect(result.converged)
        let after = try #require(fake.current.domain(named: "web"))
        #expect(after.state == .running && after.disks.map(\.target) == ["vda"] && after.interfaces.map(\.source) == ["lab"])
        #expect(after.ownership?.devices?.disks.map(\.target) == ["vda"] && after.ownership?.devices?.interfaces.count == 1)
        #expect(fake.current.volume(pool: "images", name: "web-data.qcow2") != nil)
        #expect(try plan(text, fake).steps.isEmpty)
    }

    @Test("a stopped guest: the removal is an edit of its definition, with no timing and no detach step")
    func stoppedRemoval() async throws {
        let (fake, engine) = try await created(state: "stopped")
        let text = Self.manifests(disks: Self.rootOnly, networks: "[lab]", state: "stopped")
        let planned = try plan(text, fake)
        #expect(!planned.steps.contains { $0.kind == .detachDevice })
        guard case .updateDomain(let patch)? = planned.step(id: "update-domain:h/domain/web")?.action else {
            Issue.record("expected update-domain"); return
        }
        #expect(patch.removedDisks == ["vdb"] && patch.removedInterfaces.count == 1)
        let domain = try #require(planned.resources.first { $0.address.kind == .domain })
        #expect(domain.fields.filter { $0.after == nil }.count == 2 && domain.fields.allSatisfy { $0.timing == nil })
        #expect(try await apply(text, engine).converged)
        let after = try #require(fake.current.domain(named: "web"))
        #expect(after.disks.map(\.target) == ["vda"] && after.interfaces.map(\.source) == ["lab"])
        #expect(try plan(text, fake).steps.isEmpty)
    }

    @Test("a disk and a NIC someone else attached are never touched: a notice says they stay, every plan")
    func foreignDevicesStay() async throws {
        let (fake, _) = try await created()
        fake.drift { state in
            state.domains[0].disks.append(.init(source: "/srv/other/extra.qcow2", target: "vdc", bus: "virtio", format: "qcow2"))
            state.domains[0].interfaces.append(.init(type: "bridge", source: "br0", mac: "52:54:00:aa:bb:cc", model: "virtio"))
        }
        let planned = try plan(Self.manifests(), fake)
        #expect(planned.steps.isEmpty, "\(planned.steps.map(\.id))")
        #expect(planned.notices.contains { $0.english.contains("disk vdc (/srv/other/extra.qcow2)") && $0.english.contains("it stays") })
        #expect(planned.notices.contains { $0.english.contains("NIC 52:54:00:aa:bb:cc on br0") && $0.english.contains("it stays") })
        // A foreign disk at a target reconcile once used, with another file: not reconcile's either.
        let text = Self.manifests(disks: Self.rootOnly)
        fake.drift { state in
            if let index = state.domains[0].disks.firstIndex(where: { $0.target == "vdb" }) { state.domains[0].disks[index].source = "/srv/other/swapped.qcow2" }
        }
        let removal = try plan(text, fake)
        #expect(!removal.steps.contains { $0.kind == .detachDevice || $0.kind == .updateDomain }, "\(removal.steps.map(\.id))")
        #expect(removal.notices.contains { $0.english.contains("disk vdb (/srv/other/swapped.qcow2)") && $0.english.contains("it stays") })
    }

    @Test("a record written before devices were recorded: the next plan records what matches the manifest and removes nothing")
    func recordPredatingDevices() async throws {
        let (fake, engine) = try await created()
        // As an older reconcile left it: no device record, and a disk the manifest no longer declares.
        fake.drift { $0.domains[0].ownership?.devices = nil }
        let text = Self.manifests(disks: Self.rootOnly)
        let planned = try plan(text, fake)
        #expect(!planned.steps.contains { $0.kind == .detachDevice || $0.kind == .updateDomain })
        #expect(planned.notices.contains { $0.english.contains("disk vdb") && $0.english.contains("was not attached by reconcile: it stays") })
        let record = try #require(planned.step(id: "record-ownership:h/domain/web"))
        guard case .recordOwnership(let ownership, _) = record.action else { Issue.record("expected record-ownership"); return }
        #expect(ownership.devices?.disks.map(\.target) == ["vda"] && ownership.devices?.interfaces.count == 2)
        #expect(try await apply(text, engine).converged)
        let after = try #require(fake.current.domain(named: "web"))
        #expect(after.disks.map(\.target) == ["vda", "vdb"], "the unrecorded disk stays")
        // The manifest unchanged, the disk is still not reconcile's: it stays on every later plan too.
        let again = try plan(text, fake)
        #expect(again.steps.isEmpty && again.notices.contains { $0.english.contains("disk vdb") && $0.english.contains("it stays") })
    }

    @Test("a guest that does not release a device: apply is not converged and the record still names it for the next run")
    func unplugNotCompleted() async throws {
        let fake = FakeHypervisor(failing: [.detachDevice])
        let (_, engine) = try await created(fake)
        let text = Self.manifests(networks: "[lab]")
        let result = try await apply(text, engine)
        #expect(!result.converged && !result.report.allSucceeded)
        let after = try #require(fake.current.domain(named: "web"))
        #expect(after.interfaces.count == 2 && after.ownership?.devices?.interfaces.count == 2)
        #expect(try plan(text, fake).steps.contains { $0.kind == .detachDevice })
    }

    @Test("the adapter removes a stopped guest's devices from its definition by target and MAC, and nothing else")
    func patchRemovesDevices() throws {
        let xml = """
        <domain type='qemu'><name>d</name><memory unit='KiB'>1024</memory><vcpu>1</vcpu><devices>\
        <disk type='file' device='disk'><source file='/a.qcow2'/><target dev='vda' bus='virtio'/></disk>\
        <disk type='file' device='disk'><source file='/b.qcow2'/><target dev='vdb' bus='virtio'/></disk>\
        <interface type='network'><mac address='52:54:00:00:00:01'/><source network='lab'/></interface>\
        <interface type='network'><mac address='52:54:00:00:00:02'/><source network='lab2'/></interface>\
        </devices></domain>
        """
        var patch = DomainPatch(name: "d", uuid: nil)
        patch.removedDisks = ["vdb"]
        patch.removedInterfaces = ["52:54:00:00:00:02"]
        #expect(!patch.isEmpty)
        let after = try DomainXML.parse(try DomainXML.apply(patch, to: xml), state: .shutoff, autostart: false, persistent: true)
        #expect(after.disks.map(\.target) == ["vda"] && after.interfaces.compactMap(\.mac) == ["52:54:00:00:00:01"])
        // The detach call gets the device elements as the definition holds them.
        let detach = DeviceDetach(name: "d", uuid: nil, disks: [OwnedDevices.Disk(target: "vdb", source: "/b.qcow2")],
                                  interfaces: ["52:54:00:00:00:02"])
        let elements = try LibvirtHypervisor.detachedElements(detach, in: xml)
        #expect(elements.count == 2 && elements[0].contains("/b.qcow2") && elements[1].contains("52:54:00:00:00:02"))
        #expect(try LibvirtHypervisor.remainingDevices(detach, in: xml).map(\.english) == ["disk vdb", "NIC 52:54:00:00:00:02"])
        let other = DeviceDetach(name: "d", uuid: nil, disks: [OwnedDevices.Disk(target: "vdb", source: "/elsewhere.qcow2")])
        #expect(try LibvirtHypervisor.detachedElements(other, in: xml).isEmpty, "another file at the target is not the recorded disk")
    }

    @Test("the device record survives the metadata round trip; an empty record differs from none")
    func ownershipXMLRoundTrip() throws {
        var ownership = Ownership(name: "web", specHash: "abc")
        ownership.devices = OwnedDevices(disks: [OwnedDevices.Disk(target: "vdb", source: "/srv/images/web-data.qcow2")],
                                         interfaces: ["52:54:00:AA:BB:CC"])
        let parse = { (ownership: Ownership) throws -> Ownership? in
            let xml = "<domain><name>web</name>\(OwnershipXML.element(ownership).render())<devices/></domain>"
            return try DomainXML.parse(xml, state: .shutoff, autostart: false, persistent: true).ownership
        }
        #expect(try parse(ownership)?.devices == OwnedDevices(disks: ownership.devices?.disks ?? [], interfaces: ["52:54:00:aa:bb:cc"]))
        ownership.devices = OwnedDevices()
        #expect(try parse(ownership)?.devices == OwnedDevices())
        ownership.devices = nil
        #expect(try parse(ownership)?.devices == nil)
    }

    @Test("on libvirt's test driver: a stopped guest loses the disk and NIC reconcile attached; a disk added by hand survives")
    func testDriverStoppedRemoval() async throws {
        let harness = try await TestDriverTests.Harness()
        let created = try await harness.apply(Self.manifests(state: "stopped"))
        #expect(created.converged, "failed: \(created.report.failed)")
        try harness.editDomain("web") { xml in
            xml.replacingOccurrences(of: "</devices>", with: "<disk type='file' device='disk'><source file='/srv/other/foreign.qcow2'/><target dev='vdc' bus='virtio'/></disk></devices>")
        }
        let text = Self.manifests(disks: Self.rootOnly, networks: "[lab]", state: "stopped")
        let planned = try await harness.plan(text)
        #expect(planned.steps.map(\.kind).contains(.updateDomain) && !planned.steps.contains { $0.kind == .detachDevice })
        #expect(planned.notices.contains { $0.english.contains("disk vdc (/srv/other/foreign.qcow2)") && $0.english.contains("it stays") })
        let applied = try await harness.apply(text)
        #expect(applied.converged, "failed: \(applied.report.failed)")
        let domain = try #require(try harness.hypervisor.connection.domain(named: "web"))
        let after = try DomainXML.parse(try domain.xml(inactive: true), state: .shutoff, autostart: false, persistent: true)
        #expect(after.disks.filter { $0.device == "disk" }.map(\.target) == ["vda", "vdc"], "\(after.disks)")
        #expect(after.interfaces.map(\.source) == ["lab"])
        #expect(after.ownership?.devices?.disks.map(\.target) == ["vda"])
        #expect(try await harness.plan(text).steps.isEmpty)
    }
}
