import CLibvirt
import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// Declared snapshots and firmware: validation, planning, and the real C API on libvirt's test driver.
@Suite("Snapshots and firmware")
struct SnapshotTests {
    static func vm(_ extra: String, state: String = "running") -> String {
        Manifests.join(
            Manifests.document("StoragePool", "lab-pool", "path: /var/lib/libvirt/images/lab"),
            Manifests.document("VirtualMachine", "web", "memory: 512MiB\nstate: \(state)\ndisks: [{name: root, size: 1GiB}]\n\(extra)"))
    }

    @Test("bad, duplicate and contradictory snapshot and firmware fields are errors at their line and column")
    func validation() throws {
        let fixture = try ManifestFixture(Self.vm("""
            snapshots:
              - {name: 'bad name!'}
              - {name: ok}
              - {name: ok, description: again}
              - {name: mem, memory: true}
            firmware: uefi
            """))
        let diagnostics = fixture.diagnostics()
        let text = diagnostics.map(\.description)
        #expect(text.contains { $0.hasSuffix("manifest.yaml:17:14: error: spec.snapshots[0].name: 'bad name!' is not a valid snapshot name (letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 characters)") }, "\(text)")
        #expect(text.contains { $0.contains("manifest.yaml:19:14: error: spec.snapshots[2].name: two snapshots are named 'ok' (first declared at ") && $0.hasSuffix("manifest.yaml:18:14)") }, "\(text)")
        #expect(text.contains { $0.contains("manifest.yaml:20:27: error: spec.snapshots[3].memory: a UEFI guest gets disk-only snapshots") }, "\(text)")
        #expect(diagnostics.count == 3, "\(text)")

        let secureBoot = try ManifestFixture(Self.vm("secureBoot: true")).diagnostics().map(\.description)
        #expect(secureBoot.contains { $0.contains("spec.secureBoot: Secure Boot needs UEFI firmware; add firmware: uefi") }, "\(secureBoot)")
        let firmware = try ManifestFixture(Self.vm("firmware: efi")).diagnostics().map(\.description)
        #expect(firmware.contains { $0.contains("spec.firmware") && $0.contains("efi") }, "\(firmware)")

        let good = try ManifestFixture(Self.vm("snapshots: [{name: before-upgrade, description: 'first boot'}]\nfirmware: uefi\nsecureBoot: true\ntpm: true")).load()
        let spec = try #require(good.virtualMachines.first)
        #expect(spec.snapshots.map(\.name) == ["before-upgrade"] && spec.snapshots.first?.description == "first boot")
        #expect(spec.firmware == .uefi && spec.secureBoot && spec.tpm)
    }

    @Test("create, keep, report, prune: only snapshots reconcile made are ever deleted; a foreign one of a declared name is a conflict")
    func lifecycleOnTheTestDriver() async throws {
        let harness = try await TestDriverTests.Harness()
        let both = Self.vm("snapshots: [{name: first, description: 'clean'}, {name: second}]")

        let plan = try await harness.plan(both)
        let creates = plan.steps.filter { $0.kind == .createSnapshot }
        #expect(creates.map(\.id) == ["create-snapshot:local/snapshot/web/first", "create-snapshot:local/snapshot/web/second"])
        // After the domain is defined and started.
        #expect(creates.allSatisfy { $0.dependsOn.contains("define-domain:local/domain/web") && $0.dependsOn.contains("start-domain:local/domain/web") })
        // One at a time: each rewrites the domain's record (run in parallel, one record write was lost).
        #expect(creates.last?.dependsOn.contains("create-snapshot:local/snapshot/web/first") == true)
        guard case .createSnapshot(let definition)? = creates.first?.action else { Issue.record("no snapshot action"); return }
        #expect(definition.kind == .internal && definition.description == "clean")

        let applied = try await harness.apply(both)
        #expect(applied.converged, "\(applied.remaining.steps.map(\.id)) \(applied.report.failed)")
        var domain = try #require(try await harness.hypervisor.observe().domains.first { $0.name == "web" })
        #expect(domain.snapshots.map(\.name) == ["first", "second"])
        #expect(domain.snapshots.first?.description == "clean")
        #expect(domain.ownership?.snapshots == ["first", "second"])
        #expect(try await harness.plan(both).steps.isEmpty)

        // A snapshot someone else made, directly through libvirt.
        let handle = try #require(try harness.hypervisor.connection.domain(named: "web"))
        _ = try handle.createSnapshot(xml: "<domainsnapshot><name>manual</name></domainsnapshot>", flags: 0)

        let onlyFirst = Self.vm("snapshots: [{name: first}]")
        let report = try await harness.plan(onlyFirst)
        #expect(report.steps.isEmpty, "\(report.steps.map(\.id))")
        #expect(report.notices.contains { $0.english.contains("snapshot 'second'") && $0.english.contains("--prune") })
        #expect(!report.notices.contains { $0.english.contains("manual") })

        let pruned = try await harness.plan(onlyFirst, prune: true)
        #expect(pruned.steps.map(\.id) == ["delete-snapshot:local/snapshot/web/second"])
        let prunedApply = try await harness.apply(onlyFirst, prune: true)
        #expect(prunedApply.converged)
        domain = try #require(try await harness.hypervisor.observe().domains.first { $0.name == "web" })
        #expect(domain.snapshots.map(\.name) == ["first", "manual"])
        #expect(domain.ownership?.snapshots == ["first"])

        // Not even --prune touches the foreign one; declaring its name is a conflict, not an adoption.
        let declaresManual = Self.vm("snapshots: [{name: first}, {name: manual}]")
        let conflicted = try await harness.plan(declaresManual, prune: true)
        #expect(conflicted.steps.isEmpty)
        #expect(conflicted.conflicts.contains { $0.address.name == "web/manual" && $0.message.english.contains("reconcile did not make") })

        // A definition change re-records ownership; the snapshot list survives it.
        let bigger = try await harness.apply(Self.vm("snapshots: [{name: first}]").replacingOccurrences(of: "memory: 512MiB", with: "memory: 768MiB"))
        #expect(bigger.converged)
        domain = try #require(try await harness.hypervisor.observe().domains.first { $0.name == "web" })
        #expect(domain.ownership?.snapshots == ["first"])
    }

    @Test("revert: shown as a one-step plan, refused while running or unmanaged unless forced, then applied")
    func revertOnTheTestDriver() async throws {
        let harness = try await TestDriverTests.Harness()
        let manifests = Self.vm("snapshots: [{name: first}, {name: second}]")
        #expect(try await harness.apply(manifests).converged)
        var domain = try await harness.hypervisor.observe().domains.first { $0.name == "web" }
        #expect(domain?.snapshots.first { $0.isCurrent }?.name == "second")

        #expect(throws: ReconcileError.self) {
            try SnapshotRevertPlan.make(hypervisor: "local", uri: harness.uri, domainName: "web", observed: domain, snapshot: "first", force: false)
        }
        #expect(throws: ReconcileError.self) {
            try SnapshotRevertPlan.make(hypervisor: "local", uri: harness.uri, domainName: "web", observed: domain, snapshot: "nope", force: true)
        }
        var unmanaged = try #require(domain)
        unmanaged.ownership = nil
        unmanaged.state = .shutoff
        #expect(throws: ReconcileError.self) {
            try SnapshotRevertPlan.make(hypervisor: "local", uri: harness.uri, domainName: "web", observed: unmanaged, snapshot: "first", force: false)
        }
        // The adapter refuses too, should the guest have started since the plan.
        await #expect(throws: (any Error).self) {
            try await harness.hypervisor.revertSnapshot(named: "first", ofDomain: "web", force: false)
        }

        let plan = try SnapshotRevertPlan.make(hypervisor: "local", uri: harness.uri, domainName: "web", observed: domain,
                                               snapshot: "first", force: true)
        #expect(plan.steps.map(\.id) == ["revert-snapshot:local/snapshot/web/first"])
        let text = PlanTextRenderer(style: TerminalStyle(enabled: false)).render(plan)
        #expect(text.contains("snapshot \"web/first\"") && text.contains("current snapshot:  second → first"), "\(text)")
        let report = await Executor().run(plan, on: ["local": HostConnection(hypervisor: harness.hypervisor)])
        #expect(report.allSucceeded, "\(report.failed)")
        domain = try await harness.hypervisor.observe().domains.first { $0.name == "web" }
        #expect(domain?.snapshots.first { $0.isCurrent }?.name == "first")
        // The definition went back to the one "first" saved; reconcile's record still knows "second".
        #expect(domain?.ownership?.snapshots == ["first", "second"])
        #expect(try await harness.plan(manifests).steps.isEmpty)
    }

    @Test("firmware: uefi, secureBoot and tpm reach a new domain's XML; on an existing domain a change is a notice naming --replace")
    func firmwareOnTheTestDriver() async throws {
        let harness = try await TestDriverTests.Harness()
        let uefi = Self.vm("firmware: uefi\nsecureBoot: true\ntpm: true\nsnapshots: [{name: s1}]", state: "stopped")
        let plan = try await harness.plan(uefi)
        let define = try #require(plan.steps.first { $0.kind == .defineDomain })
        guard case .defineDomain(let definition) = define.action else { Issue.record("no define"); return }
        let xml = DomainXML.render(definition, arch: "x86_64")
        #expect(xml.contains("<os firmware='efi'>"), "\(xml)")
        #expect(xml.contains("<feature enabled='yes' name='secure-boot'/>") && xml.contains("<feature enabled='yes' name='enrolled-keys'/>"))
        #expect(xml.contains("<smm state='on'/>") && xml.contains("machine='q35'"))
        #expect(xml.contains("<tpm model='tpm-crb'>") && xml.contains("<backend type='emulator' version='2.0'/>"))
        let snapshot = plan.steps.first { $0.kind == .createSnapshot }
        guard case .createSnapshot(let snapshotDefinition)? = snapshot?.action else { Issue.record("no snapshot"); return }
        #expect(snapshotDefinition.kind == .externalDiskOnly && !snapshotDefinition.memory)

        let bios = DomainXML.render(DefinitionBuilderFixture.definition(), arch: "x86_64")
        #expect(!bios.contains("firmware") && !bios.contains("<smm") && !bios.contains("<tpm"))

        // The test driver has no disk-only snapshots (the real libvirtd test makes one): the domain alone here.
        let applied = try await harness.apply(Self.vm("firmware: uefi\nsecureBoot: true\ntpm: true", state: "stopped"))
        #expect(applied.converged, "\(applied.report.failed)")
        let domain = try #require(try await harness.hypervisor.observe().domains.first { $0.name == "web" })
        #expect(domain.bootsUEFI && domain.secureBoot && domain.tpm)

        // BIOS declared for the UEFI domain: nothing rewrites its firmware; the plan says why and how.
        let back = try await harness.plan(Self.vm("", state: "stopped"))
        #expect(!back.steps.contains { $0.kind == .updateDomain || $0.kind == .defineDomain })
        #expect(back.notices.contains { $0.english.contains("firmware uefi → bios") && $0.english.contains("--replace web") }, "\(back.notices)")
    }

    @Test("an external snapshot's overlay on a declared disk is the same disk, not a change to undo")
    func overlayIsNoChange() throws {
        let xml = """
            <domain type='qemu'><name>web</name><uuid>6b1b8a7e-0000-4000-8000-000000000001</uuid><memory unit='KiB'>524288</memory><vcpu>1</vcpu>
            <os firmware='efi'><type arch='x86_64'>hvm</type><loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader></os>
            <devices><disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/p/web-root.s1'/>
            <backingStore type='file'><format type='qcow2'/><source file='/p/web-root.qcow2'/><backingStore/></backingStore>
            <target dev='vda' bus='virtio'/></disk></devices></domain>
            """
        let observed = try DomainXML.parse(xml, state: .shutoff, autostart: false, persistent: true)
        #expect(observed.disks.first?.backingSources == ["/p/web-root.qcow2"])
        #expect(observed.bootsUEFI)
        var desired = DefinitionBuilderFixture.definition()
        desired.disks = [DomainDefinition.Disk(pool: "p", volume: "web-root.qcow2", path: "/p/web-root.qcow2", target: "vda", bus: .virtio, format: .qcow2)]
        let (patch, fields) = HostPlanner.domainPatch(desired, observed)
        #expect(patch.changedDisks.isEmpty && !fields.contains { $0.field.hasPrefix("disks") }, "\(fields)")
    }
}

/// A minimal BIOS domain definition for XML and patch tests.
enum DefinitionBuilderFixture {
    static func definition() -> DomainDefinition {
        DomainDefinition(name: "web", type: "qemu", vcpus: 1, memoryKiB: 524_288, disks: [], interfaces: [], vnc: false,
                         ownership: Ownership(name: "web", specHash: "h"))
    }
}
