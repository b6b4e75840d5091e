import Foundation
import Testing

/// Exit codes and closing lines a timer or CI job relies on, with the real binary on the test driver.
@Suite("Command line: what is left alone fails the run")
struct CLIOutcomeTests {
    /// test:///default holds an unmanaged domain `test`: declaring it is a conflict.
    static let conflicting = Manifests.join(
        Manifests.document("Network", "lab", "mode: isolated"),
        Manifests.document("VirtualMachine", "test", "memory: 256MiB"))

    @Test("a conflict makes plan exit 1, with and without --detailed-exitcode, and never says the hosts match")
    func planWithConflict() throws {
        let fixture = try ManifestFixture(Manifests.document("VirtualMachine", "test", "memory: 256MiB") + "\n")
        for flags in [[], ["--detailed-exitcode"]] {
            let run = try CLI.reconcile(["plan", fixture.path, "--connect", "test:///default"] + flags)
            #expect(run.status == 1, "\(flags): \(run.output)")
            #expect(!run.stdout.contains("The hosts match the manifests"))
            #expect(run.stdout.contains("! virtual machine \"test\" on local: virtual machine 'test' already exists and was not created by reconcile"))
            #expect(run.stdout.hasSuffix("No changes planned, but the hosts do not match the manifests: 1 resource left alone (1 conflict), listed above.\n"))
            #expect(run.stderr.contains("error: 1 resource left alone (1 conflict): apply cannot make the hosts match the manifests"))
        }
        let json = try CLI.reconcile(["plan", fixture.path, "--connect", "test:///default", "--output", "json"])
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["converged"] as? Bool == false)
        #expect((document["conflicts"] as? [[String: Any]])?.first?["resource"] as? String == "local/domain/test")
    }

    @Test("apply exits 1 and says what it left alone, with changes applied or none to make")
    func applyWithConflict() throws {
        let withChanges = try ManifestFixture(Self.conflicting)
        let run = try CLI.reconcile(["apply", withChanges.path, "--connect", "test:///default"])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.stdout.contains("Apply complete: 3 steps, 3 succeeded, 0 failed, 0 skipped"))
        #expect(run.stdout.contains("  left alone: local/domain/test: virtual machine 'test' already exists"))
        #expect(run.stdout.hasSuffix("Not converged: 1 resource left alone (1 conflict).\n"))
        #expect(!run.stdout.contains("Converged: the hosts match"))

        let nothingToDo = try ManifestFixture(Manifests.document("VirtualMachine", "test", "memory: 256MiB") + "\n")
        let idle = try CLI.reconcile(["apply", nothingToDo.path, "--connect", "test:///default"])
        #expect(idle.status == 1, "\(idle.output)")
        #expect(idle.stdout.hasSuffix("Not converged: 1 resource left alone (1 conflict).\n"))

        let json = try CLI.reconcile(["apply", withChanges.path, "--connect", "test:///default", "--output", "json"])
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["converged"] as? Bool == false)
        let conflicts = try #require(report["conflicts"] as? [[String: Any]])
        #expect(conflicts.map { $0["cause"] as? String } == ["conflict"])
    }

    @Test("an unreachable checksum URL is a sentence, not a Foundation dump, and apply does not converge")
    func unreachableImage() throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused without leaving the machine.
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("StoragePool", "images", "path: /srv/images"),
            Manifests.document("Distribution", "deb", "family: debian\ncloudImage: {url: 'http://127.0.0.1:1/d.qcow2', checksumURL: 'http://127.0.0.1:1/SUMS'}"),
            Manifests.document("VirtualMachine", "web", "disks: [{name: root, from: deb, size: 2GiB}]")))
        let state = fixture.directory.appendingPathComponent("state").path
        let cache = fixture.directory.appendingPathComponent("cache").path
        let options = ["--connect", "test:///default", "--state-dir", state, "--cache-dir", cache]
        let plan = try CLI.reconcile(["plan", fixture.path, "--detailed-exitcode"] + options)
        #expect(plan.status == 1, "\(plan.output)")
        #expect(plan.stdout.contains("cannot resolve the disk image of deb: cannot reach http://127.0.0.1:1/SUMS: connection refused"))
        #expect(!plan.output.contains("Error Domain") && !plan.output.contains("NSURLErrorDomain") && !plan.output.contains("downloadFailed"))
        #expect(plan.stdout.contains("Apply cannot converge: 1 resource left alone (1 unreachable image), listed above."))

        let apply = try CLI.reconcile(["apply", fixture.path] + options)
        #expect(apply.status == 1, "\(apply.output)")
        #expect(apply.stdout.hasSuffix("Not converged: 1 resource left alone (1 unreachable image).\n"))
    }

    @Test("escape sequences and bidi controls in a host's names reach the terminal as visible escapes")
    func escapesHostText() throws {
        // XML cannot carry ESC itself, but libvirt accepts C1 CSI (U+009B, ESC [ on 8-bit terminals),
        // a right-to-left override and a line break in a domain name.
        let node = """
            <node>
              <domain type='test'>
                <name>evil&#x9b;2K&#x202e;x&#10;  + virtual machine "fake"</name>
                <memory unit='KiB'>262144</memory>
                <vcpu>1</vcpu>
                <os><type arch='x86_64'>hvm</type></os>
                <devices><disk type='file' device='disk'><source file='/lab/vm-root.qcow2'/><target dev='vda' bus='virtio'/></disk></devices>
              </domain>
            </node>
            """
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("StoragePool", "lab", "path: /lab"),
            Manifests.document("VirtualMachine", "vm", "memory: 256MiB\ndisks: [{name: root, size: 1GiB, pool: lab}]")))
        let nodeFile = fixture.directory.appendingPathComponent("node.xml")
        try node.write(to: nodeFile, atomically: true, encoding: .utf8)
        let run = try CLI.reconcile(["plan", fixture.path, "--connect", "test://\(nodeFile.path)"])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.stdout.contains("is already used by virtual machine 'evil\\u{9b}2K\\u{202e}x\\u{a}  + virtual machine \"fake\"'"))
        #expect(!run.output.unicodeScalars.contains { $0 == "\u{9B}" || $0 == "\u{202E}" })
        #expect(!run.stdout.contains("\n  + virtual machine \"fake\""), "no forged plan line")
    }

    @Test("error messages are escaped too: a --connect URI with an escape sequence and a line break")
    func escapesErrors() throws {
        let fixture = try ManifestFixture(Manifests.document("Network", "lab", "mode: isolated") + "\n")
        let run = try CLI.reconcile(["plan", fixture.path, "--connect", "test:///no/such\u{1B}[2K\nnode.xml"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: "), "\(run.stderr)")
        #expect(run.stderr.contains("no/such\\u{1b}[2K\\u{a}node.xml"))
        #expect(!run.stderr.contains("\u{1B}") && run.stderr.filter { $0 == "\n" }.count == 1)
    }

    /// A reader that goes away (`reconcile plan | head -1`, or ssh dying under libvirt's remote driver)
    /// used to kill the process with SIGPIPE (status 141) before it could say anything, which a timer
    /// reads as neither converged nor failed. The write must fail, the exit code must stay the plan's.
    @Test("a closed stdout does not kill reconcile with SIGPIPE: the exit code is still the plan's")
    func brokenPipe() throws {
        let fixture = try ManifestFixture(Manifests.document("Network", "lab", "mode: isolated") + "\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["plan", fixture.path, "--connect", "test:///default", "--detailed-exitcode"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = CLI.stateHome(for: [fixture.path])
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try out.fileHandleForReading.close()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus)")
        #expect(process.terminationStatus == 2)
    }
}
