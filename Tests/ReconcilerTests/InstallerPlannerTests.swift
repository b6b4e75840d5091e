import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// Distributions without a cloud image: a blank disk, the installer ISO as CD-ROM and the answer file
/// on a seed ISO, planned from facts given as plain values (no downloads, no host).
@Suite("Planner: installer VMs (installer ISO, answer file)")
struct InstallerPlannerTests {
    static let iso = "sha256:" + String(repeating: "1", count: 64)
    static let kernel = "sha256:" + String(repeating: "2", count: 64)
    static let initrd = "sha256:" + String(repeating: "3", count: 64)
    static let seed = "sha256:" + String(repeating: "4", count: 64)

    static func manifests(kernel: Bool = false, state: String = "running") -> String {
        let boot = kernel ? "\n  kernel: {url: 'https://example.invalid/vmlinuz', checksum: 'sha256:\(String(repeating: "2", count: 64))'}\n  initrd: {url: 'https://example.invalid/initrd.img', checksum: 'sha256:\(String(repeating: "3", count: 64))'}\n  cmdline: console=ttyS0" : ""
        return Manifests.join(
            Manifests.document("Hypervisor", "h", "uri: test:///default"),
            Manifests.document("StoragePool", "images", "path: /srv/images"),
            Manifests.document("Distribution", "alma", "family: rhel\ninstaller:\n  iso: {url: 'https://example.invalid/alma.iso', checksumURL: 'https://example.invalid/CHECKSUM'}\(boot)\n  kickstart: |\n    text\n    rootpw --iscrypted $6$salt$hash\n    poweroff"),
            Manifests.document("VirtualMachine", "db", "state: \(state)\ndisks: [{name: root, from: alma, size: 20GiB, deleteWithVM: true}]"))
    }

    static func facts(kernel: Bool = false, cached: Bool = true) -> ProvisioningFacts {
        var facts = ProvisioningFacts()
        facts.digests[ProvisioningFacts.key(distribution: "alma", role: .iso)] = iso
        if kernel {
            facts.digests[ProvisioningFacts.key(distribution: "alma", role: .kernel)] = Self.kernel
            facts.digests[ProvisioningFacts.key(distribution: "alma", role: .initrd)] = initrd
        }
        if cached { facts.cached = [iso, Self.kernel, initrd] }
        facts.seedDigests["h/db"] = seed
        return facts
    }

    static func definition(_ plan: Plan) throws -> DomainDefinition {
        guard case .defineDomain(let definition)? = plan.steps.first(where: { $0.kind == .defineDomain })?.action else {
            throw ErrorWording(PlanMismatch(message: "no define-domain in \(plan.steps.map(\.id))"))
        }
        return definition
    }

    struct PlanMismatch: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @Test("a new installer VM: ISO upload, blank disk, answer-file seed, define with the ISO as cdrom, boot disk then cdrom, start; no SSH wait")
    func newInstallerVM() throws {
        let set = try ManifestFixture(Self.manifests()).load()
        let plan = Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current], facts: Self.facts())
        let kinds = plan.steps.map(\.kind)
        #expect(kinds.contains(.uploadImage) && kinds.contains(.createSeed) && kinds.contains(.createVolume))
        #expect(!kinds.contains(.downloadImage), "the ISO is in the cache already")
        #expect(!kinds.contains(.waitForIP) && !kinds.contains(.waitForSSH) && !kinds.contains(.installAgent))
        #expect(plan.conflicts.isEmpty, "\(plan.conflicts)")
        let upload = try #require(plan.steps.first { $0.kind == .uploadImage })
        #expect(upload.resource.name == "images/iso-sha256-\(String(repeating: "1", count: 64)).iso")
        guard case .createVolume(let disk)? = plan.steps.first(where: { $0.kind == .createVolume })?.action else {
            Issue.record("no create-volume"); return
        }
        #expect(disk.backingPath == nil && disk.capacity == 20 << 30, "the disk starts blank at its declared size")
        guard case .createSeed(let upload)? = plan.steps.first(where: { $0.kind == .createSeed })?.action else {
            Issue.record("no create-seed"); return
        }
        #expect(upload.request.answer?.kind == .kickstart)
        #expect(upload.request.answer?.content.contains("rootpw --iscrypted") == true)

        let definition = try Self.definition(plan)
        #expect(definition.cdrom == DomainDefinition.CDROM(path: "/srv/images/iso-sha256-\(String(repeating: "1", count: 64)).iso", target: "hdd", bus: "ide"))
        #expect(definition.bootDevices == ["hd", "cdrom"])
        #expect(definition.kernelPath == nil && definition.installing == nil)
        #expect(definition.ownership.baseImage == Self.iso && definition.ownership.cdrom == "hdd")
        let xml = DomainXML.render(definition, arch: "x86_64")
        let boots = xml.components(separatedBy: "\n").filter { $0.contains("<boot ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(boots == ["<boot dev='hd'/>", "<boot dev='cdrom'/>"])
        #expect(xml.contains("<target dev='hdd' bus='ide'/>") && xml.contains("<target dev='hdc' bus='ide'/>"))
        #expect(xml.contains("<on_reboot>restart</on_reboot>"))

        // The answer file (which may hold a password hash) never reaches the plan's text or JSON.
        let text = PlanTextRenderer(style: .plain).render(plan)
        let json = PlanJSONRenderer().render(plan)
        for rendered in [text, json] { #expect(!rendered.contains("iscrypted") && !rendered.contains("$6$")) }
        #expect(text.contains("boot:") && text.contains("hd, cdrom") && text.contains("cdrom:"))
    }

    @Test("with kernel: direct kernel boot with the answer file on the command line, and a reboot that powers off")
    func kernelBoot() throws {
        let set = try ManifestFixture(Self.manifests(kernel: true)).load()
        let plan = Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current], facts: Self.facts(kernel: true))
        let definition = try Self.definition(plan)
        #expect(definition.cmdline == "inst.ks=hd:LABEL=OEMDRV:/ks.cfg console=ttyS0")
        #expect(definition.kernelPath?.hasSuffix("kernel-sha256-\(String(repeating: "2", count: 64))") == true)
        #expect(definition.initrdPath?.hasSuffix("initrd-sha256-\(String(repeating: "3", count: 64))") == true)
        #expect(definition.installing == true && definition.bootDevices == nil)
        let xml = DomainXML.render(definition, arch: "x86_64")
        #expect(xml.contains("<on_reboot>destroy</on_reboot>") && xml.contains("<cmdline>inst.ks=hd:LABEL=OEMDRV:/ks.cfg console=ttyS0</cmdline>"))
    }

    @Test("every answer-file kind has its label, file name and kernel arguments")
    func answerKinds() {
        #expect(AnswerFile.Kind.autoinstall.kernelArguments == "autoinstall ds=nocloud" && AnswerFile.Kind.autoinstall.seedLabel == "cidata")
        #expect(AnswerFile.Kind.kickstart.kernelArguments.hasPrefix("inst.ks=") && AnswerFile.Kind.kickstart.fileName == "ks.cfg")
        #expect(AnswerFile.Kind.preseed.kernelArguments.contains("file=") && AnswerFile.Kind.preseed.fileName == "preseed.cfg")
    }

    /// Defines the planned domain on a fake host, as apply would, and returns that host.
    static func applied(kernel: Bool) async throws -> (ManifestSet, FakeHypervisor) {
        let set = try ManifestFixture(Self.manifests(kernel: kernel)).load()
        let fake = FakeHypervisor()
        let plan = Planner().plan(manifests: set, observed: ["h": fake.current], facts: Self.facts(kernel: kernel))
        let libvirtOnly = Plan(targets: plan.targets, steps: plan.steps.filter { ![.downloadImage, .uploadImage, .createSeed].contains($0.kind) }.map { step in
            var step = step
            step.dependsOn = step.dependsOn.filter { id in plan.step(id: id).map { ![.downloadImage, .uploadImage, .createSeed].contains($0.kind) } ?? false }
            return step
        })
        let report = await Executor().run(libvirtOnly, on: ["h": HostConnection(hypervisor: fake)])
        #expect(report.allSucceeded, "\(report.failed)")
        // The pool now holds what the skipped steps would have uploaded.
        fake.drift { state in
            for step in plan.steps {
                switch step.action {
                case .uploadImage(let transfer):
                    state.volumes.append(ObservedVolume(pool: "images", name: transfer.volume.name, path: "/srv/images/\(transfer.volume.name)", capacity: 1 << 20, format: "raw"))
                case .createSeed(let upload):
                    state.volumes.append(ObservedVolume(pool: "images", name: upload.volume, path: "/srv/images/\(upload.volume)", capacity: 1 << 16, format: "raw"))
                default: break
                }
            }
        }
        return (set, fake)
    }

    @Test("installed or installing, the next plan is empty: nothing re-created or re-attached, a newer ISO is only a notice")
    func convergedAfterInstall() async throws {
        let (set, fake) = try await Self.applied(kernel: false)
        #expect(fake.current.domains.first?.state == .running)
        var newer = Self.facts()
        newer.digests[ProvisioningFacts.key(distribution: "alma", role: .iso)] = "sha256:" + String(repeating: "9", count: 64)
        let again = Planner().plan(manifests: set, observed: ["h": fake.current], facts: newer)
        #expect(again.steps.isEmpty, "\(again.steps.map(\.id))")
        #expect(again.notices.contains { $0.english.contains("a newer installer ISO of alma") })
        // The guest rebooted from its disk after the install: still nothing to do.
        fake.drift { $0.domains[0].state = .running }
        #expect(Planner().plan(manifests: set, observed: ["h": fake.current], facts: Self.facts()).steps.isEmpty)
    }

    @Test("a kernel-booted installer that powered off at its end: the installer kernel is removed and the guest started from its disk, once")
    func finishInstall() async throws {
        let (set, fake) = try await Self.applied(kernel: true)
        fake.drift { state in
            state.domains[0].state = .running
            state.domains[0].onReboot = "destroy"
        }
        let installing = Planner().plan(manifests: set, observed: ["h": fake.current], facts: Self.facts(kernel: true))
        #expect(installing.steps.isEmpty, "while the installer runs nothing changes: \(installing.steps.map(\.id))")

        fake.drift { $0.domains[0].state = .shutoff }
        let finished = Planner().plan(manifests: set, observed: ["h": fake.current], facts: Self.facts(kernel: true))
        guard case .updateDomain(let patch)? = finished.steps.first(where: { $0.kind == .updateDomain })?.action else {
            Issue.record("expected update-domain, got \(finished.steps.map(\.id))"); return
        }
        #expect(patch.finishInstall)
        #expect(finished.steps.contains { $0.kind == .recordOwnership && $0.reason.english.contains("the install finished") })
        let start = try #require(finished.steps.first { $0.kind == .startDomain })
        #expect(start.dependsOn.contains { $0.hasPrefix("update-domain:") || $0.hasPrefix("record-ownership:") })
        let block = try #require(finished.resources.first { $0.address.kind == .domain })
        #expect(block.fields.contains { $0.field == "boot" && ($0.after?.contains("disk") ?? false) })

        // The patch on the XML libvirt holds: kernel, initrd and cmdline go, reboots restart, the disk boots.
        let definition = try Self.definition(Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current], facts: Self.facts(kernel: true)))
        let patched = try DomainXML.apply(patch, to: DomainXML.render(definition, arch: "x86_64"))
        #expect(!patched.contains("<kernel>") && !patched.contains("<cmdline>") && !patched.contains("<initrd>"))
        #expect(patched.contains("<on_reboot>restart</on_reboot>") && patched.contains("<boot dev='hd'/>") && patched.contains("hdd"))

        let executed = await Executor().run(finished, on: ["h": HostConnection(hypervisor: fake)])
        #expect(executed.allSucceeded, "\(executed.failed)")
        fake.drift { state in
            state.domains[0].kernel = nil
            state.domains[0].initrd = nil
            state.domains[0].cmdline = nil
            state.domains[0].onReboot = "restart"
        }
        let after = Planner().plan(manifests: set, observed: ["h": fake.current], facts: Self.facts(kernel: true))
        #expect(after.steps.isEmpty, "after the install the plan is empty: \(after.steps.map(\.id))")
    }
}

extension InstallerPlannerTests {
    static func distribution(_ installer: String) -> String {
        Manifests.join(
            Manifests.document("StoragePool", "images", "path: /srv/images"),
            Manifests.document("Distribution", "alma", "family: rhel\n" + installer),
            Manifests.document("VirtualMachine", "db", "disks: [{name: root, from: alma, size: 20GiB}]"))
    }

    static let isoLine = "  iso: {url: 'https://example.invalid/alma.iso', checksum: 'sha256:\(String(repeating: "1", count: 64))'}"

    @Test("installer answer files: exactly one kind, data only, refused at their file, line and field")
    func validation() throws {
        let cases: [(String, String, String)] = [
            ("installer:\n\(Self.isoLine)", "spec.installer.kickstart", "missing"),
            ("installer:\n\(Self.isoLine)\n  kickstart: text\n  preseed: x", "spec.installer.preseed", "exactly one answer file"),
            ("installer:\n\(Self.isoLine)\n  autoinstall: 'version: 1'", "spec.installer.autoinstall", "as a mapping"),
            ("installer:\n\(Self.isoLine)\n  kickstart: \"text\\n%pre\\n\\u001b[2Jclear\"", "spec.installer.kickstart", "U+001B"),
            ("installer:\n\(Self.isoLine)\n  kickstart: \"   \"", "spec.installer.kickstart", "empty"),
            ("installer:\n  iso: {url: 'http://example.invalid/a.iso', checksumURL: 'http://example.invalid/SUMS'}\n  kickstart: text", "spec.installer.iso.url", "http"),
            ("installer:\n\(Self.isoLine)\n  cmdline: console=ttyS0\n  kickstart: text", "spec.installer.cmdline", "needs direct kernel boot"),
            ("installer:\n\(Self.isoLine)\n  kernel: {url: 'https://example.invalid/k', checksum: 'sha256:\(String(repeating: "2", count: 64))'}\n  cmdline: \"console=ttyS0\\ninst.ks=http://elsewhere\"\n  kickstart: text", "spec.installer.cmdline", "one line"),
            ("installer:\n\(Self.isoLine)\n  kickstart: text\ncloudImage: {url: 'https://example.invalid/a.qcow2', checksum: 'sha256:\(String(repeating: "1", count: 64))'}", "spec.installer", "not both"),
        ]
        for (spec, field, fragment) in cases {
            let fixture = try ManifestFixture(Self.distribution(spec))
            let diagnostics = fixture.diagnostics()
            let match = diagnostics.first { $0.field == field && $0.description.contains(fragment) }
            #expect(match != nil, "\(spec): expected \(field) with '\(fragment)'; got \(diagnostics.map(\.description))")
            #expect(match?.location.file == fixture.file() && (match?.location.line ?? 0) > 5, "\(match?.description ?? "")")
            #expect(diagnostics.allSatisfy { !$0.description.contains("\u{1b}") })
        }
        let valid = try ManifestFixture(Self.distribution("installer:\n\(Self.isoLine)\n  autoinstall:\n    version: 1\n    identity: {hostname: db, username: ops, password: '$6$x$y'}")).load()
        let answer = try #require(valid.distributions.first?.installer?.answer)
        #expect(answer.kind == .autoinstall && answer.content.contains("version: 1") && answer.content.contains("hostname: db"))
    }

    @Test("an installer VM needs a disk size and takes no cdrom, cloudInit or agent of its own")
    func vmValidation() throws {
        let base = Self.distribution("installer:\n\(Self.isoLine)\n  kickstart: text")
        let cases: [(String, String, String)] = [
            ("{name: root, from: alma, size: 20GiB}]", "spec.disks[0].size", ""),
            ("{name: root, from: alma}]", "spec.disks[0].size", "starts blank and needs a size"),
            ("{name: root, from: alma, size: 20GiB}]\n  cdrom: {volume: x.iso}", "spec.cdrom", "remove spec.cdrom"),
            ("{name: root, from: alma, size: 20GiB}]\n  cloudInit: {hostname: db}", "spec.cloudInit", "answer file"),
        ]
        for (disks, field, fragment) in cases {
            let text = base.replacingOccurrences(of: "{name: root, from: alma, size: 20GiB}]", with: disks)
            let diagnostics = try ManifestFixture(text).diagnostics()
            if fragment.isEmpty {
                #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
            } else {
                #expect(diagnostics.contains { $0.field == field && $0.description.contains(fragment) }, "\(disks): \(diagnostics.map(\.description))")
            }
        }
    }

    @Test("the autoinstall seed is NoCloud user-data with the mapping under autoinstall:, kickstart a ks.cfg on OEMDRV")
    func seedRequest() throws {
        let set = try ManifestFixture(Self.distribution("installer:\n\(Self.isoLine)\n  autoinstall:\n    version: 1\n    late-commands: ['echo done']")).load()
        let request = SeedRequest(for: set.virtualMachines[0], distribution: set.distributions[0])
        #expect(request.answer?.kind == .autoinstall)
        #expect(request.answer?.content.contains("late-commands") == true)
    }
}
