import Foundation
import Testing
@testable import LibvirtAdapter

/// The imperative verbs as a user runs them, against libvirt's test driver, whose own domain 'test'
/// (running, with no reconcile metadata) stands for a guest reconcile did not create.
@Suite("Command line: start, stop, restart, ip, ssh, console")
struct GuestVerbCLITests {
    @Test("every verb refuses a guest reconcile did not create, names it, and changes nothing")
    func refusesUnmanaged() throws {
        for verb in [["stop", "test"], ["start", "test"], ["restart", "test"], ["ip", "test"], ["console", "test"], ["ssh", "test"]] {
            let run = try CLI.reconcile(verb + ["--connect", "test:///default"])
            #expect(run.status == 1, "\(verb)")
            #expect(run.stderr.contains("virtual machine 'test' on test:///default was not created by reconcile"), "\(verb): \(run.stderr)")
            #expect(run.stderr.contains("--force"), "\(verb)")
        }
    }

    @Test("with --force, stop shuts the guest down and logs what it did on stderr")
    func forcedStop() throws {
        let run = try CLI.reconcile(["stop", "test", "--connect", "test:///default", "--force", "--timeout", "5"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("reconcile: stopped 'test' with an ACPI shutdown"))
        #expect(run.stdout.isEmpty)
        let restart = try CLI.reconcile(["restart", "test", "--connect", "test:///default", "--force"])
        #expect(restart.status == 0, "\(restart.stderr)")
        #expect(restart.stderr.contains("started it again"))
    }

    @Test("the verbs need the manifests or --connect, and name a VM no manifest declares")
    func targets() throws {
        let none = try CLI.reconcile(["stop", "web"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("-f PATH") || none.stderr.contains("--connect"))
        let fixture = try ManifestFixture(Manifests.document("Hypervisor", "h", "uri: test:///default"))
        let missing = try CLI.reconcile(["start", "web", "-f", fixture.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no VirtualMachine 'web'"))
    }

    @Test("console reads the serial console and the VNC display from the live definition")
    func consoles() async throws {
        let hypervisor = try await LibvirtHypervisor.connect(uri: try TestDriverNode.write())
        _ = try hypervisor.connection.defineDomain(xml: """
            <domain type='test'><name>viewer</name><memory>65536</memory><os><type>hvm</type></os>
            <devices><serial type='pty'><target port='0'/></serial>
            <graphics type='vnc' port='5907' autoport='no' listen='127.0.0.1'/></devices></domain>
            """)
        let found = try await hypervisor.consoles(domain: "viewer")
        #expect(found.serial)
        #expect(found.vnc == LibvirtHypervisor.VNCDisplay(listen: "127.0.0.1", port: 5907))
        _ = try hypervisor.connection.defineDomain(xml: """
            <domain type='test'><name>headless</name><memory>65536</memory><os><type>hvm</type></os><devices/></domain>
            """)
        let none = try await hypervisor.consoles(domain: "headless")
        #expect(!none.serial && none.vnc == nil)
    }
}
