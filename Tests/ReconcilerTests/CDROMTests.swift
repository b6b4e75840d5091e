import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// `spec.cdrom`: a read-only CD-ROM from a pool volume or a downloaded ISO, added, re-medied live and
/// removed through the patch model (the observed XML is edited, never replaced).
@Suite("spec.cdrom: pool volume or downloaded ISO")
struct CDROMTests {
    static let digest = "sha256:" + String(repeating: "e", count: 64)

    static func manifests(cdrom: String?, extra: String = "") -> String {
        Manifests.join(
            Manifests.document("Hypervisor", "h", "uri: test:///default"),
            Manifests.document("StoragePool", "isos", "path: /srv/isos"),
            Manifests.document("VirtualMachine", "web", "memory: 512MiB\ndisks: [{name: root, size: 1GiB}]" + (cdrom.map { "\ncdrom: \($0)" } ?? "") + extra))
    }

    static func host(volumes: [String] = ["tools.iso", "rescue.iso"]) -> FakeHypervisor {
        let fake = FakeHypervisor()
        fake.drift { state in
            for name in volumes { state.volumes.append(ObservedVolume(pool: "isos", name: name, path: "/srv/isos/\(name)", capacity: 1 << 20, format: "raw")) }
        }
        return fake
    }

    func converge(_ text: String, on fake: FakeHypervisor, facts: ProvisioningFacts = ProvisioningFacts()) async throws -> Plan {
        let set = try ManifestFixture(text).load()
        let plan = Planner().plan(manifests: set, observed: ["h": fake.current], facts: facts)
        let report = await Executor().run(plan, on: ["h": HostConnection(hypervisor: fake)])
        #expect(report.allSucceeded, "\(report.failed)")
        let again = Planner().plan(manifests: set, observed: ["h": fake.current], facts: facts)
        #expect(again.steps.isEmpty, "the second plan is empty: \(again.steps.map(\.id))")
        return plan
    }

    @Test("a new VM gets its cdrom as a read-only IDE drive at hdd; q35 (Secure Boot) puts it on SATA")
    func newVM() throws {
        let set = try ManifestFixture(Self.manifests(cdrom: "{volume: tools.iso}")).load()
        #expect(set.virtualMachines[0].cdrom?.pool == "isos", "the only pool is the default")
        let plan = Planner().plan(manifests: set, observed: ["h": Self.host().current])
        guard case .defineDomain(let definition)? = plan.steps.first(where: { $0.kind == .defineDomain })?.action else {
            Issue.record("no define-domain"); return
        }
        #expect(definition.cdrom == DomainDefinition.CDROM(path: "/srv/isos/tools.iso", target: "hdd", bus: "ide"))
        #expect(definition.ownership.cdrom == "hdd")
        let xml = DomainXML.render(definition, arch: "x86_64")
        let drive = try #require(xml.components(separatedBy: "<disk ").first { $0.contains("/srv/isos/tools.iso") })
        for part in ["device='cdrom'", "<driver name='qemu' type='raw'/>", "<target dev='hdd' bus='ide'/>", "<readonly/>"] {
            #expect(drive.contains(part), "\(part) in \(drive)")
        }
        let block = try #require(plan.resources.first { $0.address.kind == .domain })
        #expect(block.fields.contains { $0.field == "cdrom" && $0.after == "hdd ide read-only /srv/isos/tools.iso" })
        let observed = try DomainXML.parse(xml, state: .shutoff, autostart: false, persistent: true)
        #expect(observed.cdrom(at: "hdd")?.readOnly == true && observed.ownership?.cdrom == "hdd" && observed.seedSource == nil)

        let q35 = DefinitionBuilder.cdrom(path: "/srv/isos/tools.iso", q35: true)
        #expect(q35.bus == "sata" && q35.target == "sdy")
        let parsed = try DomainXML.parse("<domain type='kvm'><name>x</name><os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os><on_reboot>destroy</on_reboot></domain>",
                                         state: .shutoff, autostart: false, persistent: true)
        #expect(parsed.isQ35 && parsed.onReboot == "destroy")
    }

    @Test("plan, apply and an empty second plan; a new medium on a running guest is a live media change")
    func mediaChange() async throws {
        let fake = Self.host()
        _ = try await converge(Self.manifests(cdrom: "{volume: tools.iso}"), on: fake)
        #expect(fake.current.domains.first?.state == .running)
        #expect(fake.current.domains.first?.cdrom(at: "hdd")?.source == "/srv/isos/tools.iso")

        let plan = try await converge(Self.manifests(cdrom: "{volume: rescue.iso}"), on: fake)
        let field = try #require(plan.resources.first { $0.address.kind == .domain }?.fields.first { $0.field == "cdrom" })
        #expect(field.before == "/srv/isos/tools.iso" && field.after == "/srv/isos/rescue.iso" && field.timing == .live)
        #expect(plan.steps.map(\.kind) == [.applyLive, .recordOwnership] || plan.steps.map(\.kind).contains(.applyLive))
        #expect(!plan.steps.contains { $0.kind == .updateDomain }, "the media change goes live and into the definition at once")
        guard case .applyLive(let live)? = plan.steps.first(where: { $0.kind == .applyLive })?.action else {
            Issue.record("no apply-live"); return
        }
        #expect(live.changeMedia?.path == "/srv/isos/rescue.iso")
        #expect(fake.current.domains.first?.cdrom(at: "hdd")?.source == "/srv/isos/rescue.iso")
        #expect(plan.resources.allSatisfy { $0.restartPending != true })
    }

    @Test("adding a drive to a running guest waits for its next boot; removing it detaches only reconcile's cdrom")
    func addAndRemove() async throws {
        let fake = Self.host()
        _ = try await converge(Self.manifests(cdrom: nil), on: fake)
        let add = try await converge(Self.manifests(cdrom: "{volume: tools.iso}"), on: fake)
        let field = try #require(add.resources.first { $0.address.kind == .domain }?.fields.first { $0.field == "cdrom" })
        #expect(field.before == nil && field.timing == .nextBoot)
        #expect(add.resources.first { $0.address.kind == .domain }?.restartPending == true)

        // Someone attached a CD-ROM of their own: it stays when reconcile's goes.
        fake.drift { state in
            state.domains[0].disks.append(.init(device: "cdrom", source: "/root/mine.iso", target: "hdb", bus: "ide", format: "raw", readOnly: true))
        }
        let remove = try await converge(Self.manifests(cdrom: nil), on: fake)
        guard case .updateDomain(let patch)? = remove.steps.first(where: { $0.kind == .updateDomain })?.action else {
            Issue.record("no update-domain in \(remove.steps.map(\.id))"); return
        }
        #expect(patch.removeCDROM == "hdd")
        let disks = fake.current.domains[0].disks
        #expect(disks.contains { $0.target == "hdb" && $0.source == "/root/mine.iso" })
        #expect(!disks.contains { $0.target == "hdd" })

        // The same edit on real XML: only reconcile's drive goes, everything else stays as it was.
        let xml = """
            <domain type='qemu'><name>web</name><devices>
            <disk type='file' device='cdrom'><source file='/root/mine.iso'/><target dev='hdb' bus='ide'/><readonly/></disk>
            <disk type='file' device='cdrom'><source file='/srv/isos/tools.iso'/><target dev='hdd' bus='ide'/><readonly/></disk>
            <hostdev mode='subsystem' type='pci'/>
            </devices></domain>
            """
        let edited = try DomainXML.apply(patch, to: xml)
        #expect(edited.contains("/root/mine.iso") && !edited.contains("tools.iso") && edited.contains("<hostdev mode='subsystem' type='pci'/>"))
    }

    @Test("a cdrom the domain never had from reconcile is never removed")
    func foreignCDROMStays() async throws {
        let fake = Self.host()
        _ = try await converge(Self.manifests(cdrom: nil), on: fake)
        fake.drift { state in
            state.domains[0].disks.append(.init(device: "cdrom", source: "/root/mine.iso", target: "hdd", bus: "ide", format: "raw", readOnly: true))
        }
        let plan = Planner().plan(manifests: try ManifestFixture(Self.manifests(cdrom: nil)).load(), observed: ["h": fake.current])
        #expect(plan.steps.isEmpty, "\(plan.steps.map(\.id))")
    }

    @Test("a missing volume and an unresolvable ISO are conflicts; the VM is left alone")
    func conflicts() throws {
        let missing = Planner().plan(manifests: try ManifestFixture(Self.manifests(cdrom: "{volume: nope.iso}")).load(),
                                     observed: ["h": Self.host().current])
        #expect(missing.conflicts.contains { $0.message.english.contains("isos/nope.iso, which does not exist") })
        #expect(!missing.steps.contains { $0.resource.kind == .domain })

        var facts = ProvisioningFacts()
        facts.failures[ProvisioningFacts.cdromKey(hypervisor: "h", vm: "web")] = "HTTP 404 from https://user:secret@example.invalid/x.iso"
        let unreachable = Planner().plan(manifests: try ManifestFixture(Self.manifests(cdrom: "{url: 'https://example.invalid/x.iso', checksumURL: 'https://example.invalid/SUMS'}")).load(),
                                         observed: ["h": Self.host().current], facts: facts)
        let conflict = try #require(unreachable.conflicts.first)
        #expect(conflict.cause == .unreachableImage && conflict.message.english.contains("cdrom ISO of 'web'") && !conflict.message.english.contains("secret"))
    }

    @Test("a downloaded ISO goes through the image cache: download, upload once as iso-DIGEST.iso, then attach")
    func downloadedISO() async throws {
        var facts = ProvisioningFacts()
        facts.digests[ProvisioningFacts.cdromKey(hypervisor: "h", vm: "web")] = Self.digest
        let text = Self.manifests(cdrom: "{url: 'https://example.invalid/tools.iso', checksumURL: 'https://example.invalid/SHA256SUMS'}")
        let plan = Planner().plan(manifests: try ManifestFixture(text).load(), observed: ["h": Self.host(volumes: []).current], facts: facts)
        let download = try #require(plan.steps.first { $0.kind == .downloadImage })
        let upload = try #require(plan.steps.first { $0.kind == .uploadImage })
        let define = try #require(plan.steps.first { $0.kind == .defineDomain })
        #expect(upload.dependsOn.contains(download.id) && define.dependsOn.contains(upload.id))
        let volume = "iso-sha256-\(String(repeating: "e", count: 64)).iso"
        #expect(upload.resource.name == "isos/\(volume)")
        guard case .defineDomain(let definition) = define.action else { Issue.record("no define"); return }
        #expect(definition.cdrom?.path == "/srv/isos/\(volume)")
        #expect(ImageVolumeNaming.isUploadedImage(volume))
    }

    @Test("hostile and malformed cdrom and installer values are refused at their file, line and field")
    func validation() throws {
        let cases: [(String, String, String)] = [
            ("cdrom: {volume: ../../etc/shadow}", "spec.cdrom.volume", "is not a volume name"),
            ("cdrom: {volume: /etc/shadow}", "spec.cdrom.volume", "is not a volume name"),
            ("cdrom: {volume: '-rf.iso'}", "spec.cdrom.volume", "is not a volume name"),
            ("cdrom: {volume: a.iso, url: 'https://example.invalid/a.iso', checksum: 'sha256:\(String(repeating: "a", count: 64))'}", "spec.cdrom.url", "not both"),
            ("cdrom: {url: 'http://example.invalid/a.iso', checksumURL: 'http://example.invalid/SUMS'}", "spec.cdrom.url", "http"),
            ("cdrom: {url: 'https://example.invalid/a.iso'}", "spec.cdrom.checksum", "every image must be verified"),
            ("cdrom: {volume: a.iso, checksum: 'sha256:\(String(repeating: "a", count: 64))'}", "spec.cdrom.checksum", "belongs to a downloaded ISO"),
            ("cdrom: {pool: nowhere, volume: a.iso}", "spec.cdrom.pool", "is not declared"),
            ("cdrom: {}", "spec.cdrom.volume", "missing"),
        ]
        for (line, field, fragment) in cases {
            let fixture = try ManifestFixture(Self.manifests(cdrom: nil, extra: "\n" + line))
            let diagnostics = fixture.diagnostics()
            let match = diagnostics.first { $0.field == field && $0.description.lowercased().contains(fragment.lowercased()) }
            #expect(match != nil, "\(line): expected \(field) with '\(fragment)'; got \(diagnostics.map(\.description))")
            #expect(match?.location.file == fixture.file() && (match?.location.line ?? 0) >= 12, "\(match?.description ?? "")")
            #expect(diagnostics.allSatisfy { !$0.description.contains("\u{1b}") })
        }
    }
}
