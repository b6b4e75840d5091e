import Crypto
import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

extension RealLibvirtTests {
    static let cdromPoolPath = "/var/lib/libvirt/images/reconcile-cdrom-test"

    /// An installer VM whose "installer ISO" is a tiny ISO served over HTTP on 127.0.0.1, a VM with a
    /// cdrom from a pool volume, and one with a downloaded cdrom. Nothing installs: under TCG the
    /// guests sit in the firmware, which is enough for what libvirt and QEMU are asked to do.
    static func cdromManifests(url: String, digest: String, cdrom: String?) -> String {
        var text = InstallerCLITests.manifests(url: url, digest: digest, pool: cdromPoolPath, hypervisor: RealLibvirt.hypervisor)
        text += "---\n" + Manifests.document("VirtualMachine", "rc-media", "memory: 128MiB\ndisks: [{name: root, size: 16MiB, deleteWithVM: true}]"
            + (cdrom.map { "\ncdrom: {volume: \($0)}" } ?? "")) + "\n"
        return text
    }

    @Test("cdroms and an installer VM on real QEMU: defined with cdrom and seed, started, a live media change, removal; every second plan empty")
    func realCDROMAndInstaller() async throws {
        let domains = ["db", "tools", "rc-media"]
        let cleanup = {
            for domain in domains {
                try? RealLibvirt.virsh(["destroy", domain])
                try? RealLibvirt.virsh(["undefine", domain])
            }
            try? RealLibvirt.virsh(["pool-destroy", "images"])
            try? RealLibvirt.virsh(["pool-undefine", "images"])
            try? FileManager.default.removeItem(atPath: Self.cdromPoolPath)
        }
        cleanup()
        defer { cleanup() }

        let scratch = try ManifestFixture([:])
        let installer = try TinyISO.build(label: "INSTALLER", in: scratch.directory)
        let digest = SHA256.hash(data: installer).map { String(format: "%02x", $0) }.joined()
        // Two media already in the pool's directory, as an administrator would leave them there.
        try FileManager.default.createDirectory(atPath: Self.cdromPoolPath, withIntermediateDirectories: true)
        for label in ["tools", "rescue"] {
            try TinyISO.build(label: label.uppercased(), in: scratch.directory).write(to: URL(fileURLWithPath: "\(Self.cdromPoolPath)/\(label).iso"))
        }
        let server = try await GatedHTTPServer.start(serving: installer, in: scratch.directory)
        server.release()
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/installer.iso"
        let local = ["--cache-dir", scratch.directory.appendingPathComponent("cache").path,
                     "--state-dir", scratch.directory.appendingPathComponent("state").path]

        // The pool first, so that the volumes in its directory are there to be named.
        let poolOnly = try ManifestFixture(Self.cdromManifests(url: url, digest: digest, cdrom: nil)
            .components(separatedBy: "\n---\n").filter { !$0.contains("kind: VirtualMachine") }.joined(separator: "\n---\n"))
        let pool = try RealLibvirt.reconcile(["apply", poolOnly.path] + local)
        #expect(pool.status == 0, "pool apply failed:\n\(pool.output)")

        let first = try ManifestFixture(Self.cdromManifests(url: url, digest: digest, cdrom: "tools.iso"))
        let created = try RealLibvirt.reconcile(["apply", first.path] + local)
        #expect(created.status == 0, "apply failed:\n\(created.output)")
        #expect(created.output.contains("Converged"), "\(created.output)")
        #expect(!created.output.contains("poweroff"), "the answer file stays out of the output")

        let hypervisor = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri)
        let isoPath = "\(Self.cdromPoolPath)/iso-sha256-\(digest).iso"
        let db = try #require(try hypervisor.connection.domain(named: "db"))
        #expect(try db.isActive(), "the installer VM starts")
        let dbXML = try db.xml(inactive: true)
        let dbDefinition = try DomainXML.parse(dbXML, state: .running, autostart: false, persistent: true)
        #expect(dbDefinition.cdrom(at: "hdd")?.source == isoPath, "\(dbXML)")
        let seed = try #require(dbDefinition.cdrom(at: "hdc")?.source, "\(dbXML)")
        #expect(dbXML.contains("<boot dev='hd'/>") && dbXML.contains("<boot dev='cdrom'/>"), "\(dbXML)")
        let live = try DomainXML.parse(try db.xml(inactive: false), state: .running, autostart: false, persistent: true)
        #expect(live.cdrom(at: "hdd")?.source == isoPath && live.cdrom(at: "hdc")?.source == seed)
        // The seed is an ISO 9660 image labelled OEMDRV, holding the kickstart.
        let seedBytes = try Data(contentsOf: URL(fileURLWithPath: seed))
        let label = String(decoding: seedBytes[0x8028..<0x8028 + 32], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        #expect(label == "OEMDRV", "volume label \(label)")
        #expect(seedBytes.range(of: Data("text\npoweroff".utf8)) != nil, "ks.cfg on the seed")
        #expect(try Data(contentsOf: URL(fileURLWithPath: isoPath)) == installer, "the uploaded ISO is the served one")
        for name in ["tools", "rc-media"] {
            let domain = try #require(try hypervisor.connection.domain(named: name))
            #expect(try domain.isActive())
        }
        let media = try #require(try hypervisor.connection.domain(named: "rc-media"))
        let mediaID = media.runningID
        #expect(try DomainXML.parse(try media.xml(inactive: false), state: .running, autostart: false, persistent: true)
            .cdrom(at: "hdd")?.source == "\(Self.cdromPoolPath)/tools.iso")
        let tools = try DomainXML.parse(try #require(try hypervisor.connection.domain(named: "tools")).xml(inactive: true),
                                        state: .running, autostart: false, persistent: true)
        #expect(tools.cdrom(at: "hdd")?.source == isoPath, "the downloaded cdrom shares the installer's upload")

        let again = try RealLibvirt.reconcile(["plan", first.path, "--detailed-exitcode"] + local)
        #expect(again.status == 0, "a second plan should show no changes:\n\(again.output)")

        // A new medium while the guest runs: a live media change, no restart.
        let changed = try ManifestFixture(Self.cdromManifests(url: url, digest: digest, cdrom: "rescue.iso"))
        let plan = try RealLibvirt.reconcile(["plan", changed.path] + local)
        #expect(plan.stdout.contains("tools.iso → \(Self.cdromPoolPath)/rescue.iso (live)") && plan.stdout.contains("apply-live")
                && !plan.stdout.contains("restart pending"), "\(plan.output)")
        let swapped = try RealLibvirt.reconcile(["apply", changed.path] + local)
        #expect(swapped.status == 0, "apply failed:\n\(swapped.output)")
        let afterSwap = try #require(try hypervisor.connection.domain(named: "rc-media"))
        #expect(afterSwap.runningID == mediaID, "the guest must not have been restarted")
        for inactive in [false, true] {
            let observed = try DomainXML.parse(try afterSwap.xml(inactive: inactive), state: .running, autostart: false, persistent: true)
            #expect(observed.cdrom(at: "hdd")?.source == "\(Self.cdromPoolPath)/rescue.iso", "inactive: \(inactive)")
        }
        #expect(try RealLibvirt.reconcile(["plan", changed.path, "--detailed-exitcode"] + local).status == 0)

        // Removed from the manifest: reconcile's drive leaves the definition (next boot); nothing else does.
        let removed = try ManifestFixture(Self.cdromManifests(url: url, digest: digest, cdrom: nil))
        let removal = try RealLibvirt.reconcile(["apply", removed.path] + local)
        #expect(removal.status == 0 && removal.output.contains("restart pending"), "\(removal.output)")
        let config = try DomainXML.parse(try afterSwap.xml(inactive: true), state: .running, autostart: false, persistent: true)
        #expect(config.cdrom(at: "hdd") == nil && config.disks.contains { $0.target == "vda" })
        let final = try RealLibvirt.reconcile(["plan", removed.path, "--detailed-exitcode"] + local)
        #expect(final.status == 0, "a second plan should show no changes:\n\(final.output)")
    }
}

extension RealLibvirtTests {
    static func kernelInstallerManifests(url: String, digest: String, state: String) -> String {
        let source = { (name: String) in "{url: '\(url.replacingOccurrences(of: "installer.iso", with: name))', checksum: 'sha256:\(digest)'}" }
        return """
            \(RealLibvirt.hypervisor)
            ---
            \(Manifests.document("StoragePool", "images", "path: \(cdromPoolPath)"))
            ---
            \(Manifests.document("Distribution", "noble", "family: debian\ninstaller:\n  iso: \(source("installer.iso"))\n  kernel: \(source("vmlinuz"))\n  initrd: \(source("initrd"))\n  cmdline: console=ttyS0\n  allowHTTP: true\n  autoinstall:\n    version: 1\n    shutdown: poweroff"))
            ---
            \(Manifests.document("VirtualMachine", "rk-install", "memory: 128MiB\nstate: \(state)\ndisks: [{name: root, from: noble, size: 64MiB, deleteWithVM: true}]"))

            """
    }

    /// The installer kernel is never booted here (the served "kernel" is the tiny ISO): the VM is defined
    /// stopped, as after the installer powered off, and the plan that wants it running finishes the install.
    @Test("direct kernel boot: defined with the installer kernel and on_reboot destroy; once off, the kernel is removed on libvirt and the disk boots")
    func realInstallerKernelBoot() async throws {
        let cleanup = {
            try? RealLibvirt.virsh(["destroy", "rk-install"])
            try? RealLibvirt.virsh(["undefine", "rk-install"])
            try? RealLibvirt.virsh(["pool-destroy", "images"])
            try? RealLibvirt.virsh(["pool-undefine", "images"])
            try? FileManager.default.removeItem(atPath: Self.cdromPoolPath)
        }
        cleanup()
        defer { cleanup() }
        let scratch = try ManifestFixture([:])
        let iso = try TinyISO.build(label: "NOBLE", in: scratch.directory)
        let digest = SHA256.hash(data: iso).map { String(format: "%02x", $0) }.joined()
        let server = try await GatedHTTPServer.start(serving: iso, in: scratch.directory)
        server.release()
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/installer.iso"
        let local = ["--cache-dir", scratch.directory.appendingPathComponent("cache").path,
                     "--state-dir", scratch.directory.appendingPathComponent("state").path]

        let stopped = try ManifestFixture(Self.kernelInstallerManifests(url: url, digest: digest, state: "stopped"))
        let defined = try RealLibvirt.reconcile(["apply", stopped.path] + local)
        #expect(defined.status == 0, "apply failed:\n\(defined.output)")
        let hypervisor = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri)
        let domain = try #require(try hypervisor.connection.domain(named: "rk-install"))
        let installing = try domain.xml(inactive: true)
        #expect(installing.contains("<cmdline>autoinstall ds=nocloud console=ttyS0</cmdline>") && installing.contains("<on_reboot>destroy</on_reboot>"), "\(installing)")
        #expect(installing.contains("<kernel>\(Self.cdromPoolPath)/kernel-sha256-\(digest)</kernel>"), "\(installing)")
        let seed = try #require(try DomainXML.parse(installing, state: .shutoff, autostart: false, persistent: true).cdrom(at: "hdc")?.source)
        let seedBytes = try Data(contentsOf: URL(fileURLWithPath: seed))
        #expect(String(decoding: seedBytes[0x8028..<0x8028 + 6], as: UTF8.self) == "cidata")
        #expect(try RealLibvirt.reconcile(["plan", stopped.path, "--detailed-exitcode"] + local).status == 0)

        let running = try ManifestFixture(Self.kernelInstallerManifests(url: url, digest: digest, state: "running"))
        let plan = try RealLibvirt.reconcile(["plan", running.path] + local)
        #expect(plan.stdout.contains("the installer finished and powered off") && plan.stdout.contains("start-domain"), "\(plan.output)")
        let finished = try RealLibvirt.reconcile(["apply", running.path] + local)
        #expect(finished.status == 0 && finished.output.contains("Converged"), "apply failed:\n\(finished.output)")
        let installed = try domain.xml(inactive: true)
        #expect(!installed.contains("<kernel>") && !installed.contains("<initrd>") && !installed.contains("<cmdline>"), "\(installed)")
        #expect(installed.contains("<on_reboot>restart</on_reboot>") && installed.contains("<boot dev='hd'/>") && installed.contains("<boot dev='cdrom'/>"), "\(installed)")
        #expect(try domain.isActive())
        let again = try RealLibvirt.reconcile(["plan", running.path, "--detailed-exitcode"] + local)
        #expect(again.status == 0, "a second plan should show no changes:\n\(again.output)")
    }
}
