import Foundation
import Testing

/// Several hypervisors in one run, on private test-driver hosts, plus one whose libvirt socket does
/// not exist: the others converge, the per-host table names the missing one, and the run fails.
@Suite("Command line: many hypervisors at once")
struct FleetCLITests {
    /// Hypervisors `a`, `b` and `c` on their own test-driver files, `down` on a socket nobody listens on,
    /// each with an isolated network and a VM attached to it.
    static func fleet(reachable: [String] = ["a", "b", "c"], down: [String] = ["down"]) throws -> ManifestFixture {
        var documents: [String] = []
        for name in reachable + down {
            let uri = reachable.contains(name)
                ? try TestDriverNode.write()
                : "qemu+unix:///system?socket=/run/reconcile-missing-\(UUID().uuidString)/libvirt-sock"
            documents.append(Manifests.document("Hypervisor", name, "uri: '\(uri)'"))
            documents.append(Manifests.document("Network", "lab-\(name)", "hypervisor: \(name)\nmode: isolated"))
            documents.append(Manifests.document("VirtualMachine", "web-\(name)",
                                                "hypervisor: \(name)\nmemory: 256MiB\nnetworks: [lab-\(name)]"))
        }
        return try ManifestFixture(documents.joined(separator: "\n---\n") + "\n")
    }

    /// The table row of one hypervisor, split into its columns.
    static func row(_ output: String, _ hypervisor: String) -> [String]? {
        output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.first { $0.first == hypervisor }
    }

    @Test("apply converges every reachable hypervisor, names the unreachable one in the table and exits 1")
    func applyWithOneHostDown() throws {
        let fixture = try Self.fleet()
        let run = try CLI.reconcile(["apply", fixture.path, "--parallel-hosts", "3"])
        #expect(run.status == 1, "\(run.output)")
        for name in ["a", "b", "c"] {
            // Network define, start and autostart, domain define and start on each.
            #expect(Self.row(run.stdout, name)?[2...4] == ["converged", "5", "0"], "\(run.stdout)")
        }
        let down = try #require(Self.row(run.stdout, "down"), "\(run.stdout)")
        #expect(down[2] == "unreachable")
        #expect(down[3...4] == ["0", "0"])
        #expect(run.stdout.contains("Apply complete: 15 steps, 15 succeeded, 0 failed, 0 skipped"))
        #expect(run.stdout.hasSuffix("Not converged: 1 hypervisor unreachable.\n"), "\(run.stdout)")
        #expect(run.stdout.contains("✗ down (qemu+unix:///system?socket=/run/reconcile-missing-"))
    }

    @Test("apply --output json lists every hypervisor with its status")
    func applyJSON() throws {
        let fixture = try Self.fleet(reachable: ["a", "b"])
        let run = try CLI.reconcile(["apply", fixture.path, "--output", "json"])
        #expect(run.status == 1, "\(run.output)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let hosts = try #require(report["hosts"] as? [[String: Any]])
        #expect(hosts.map { $0["hypervisor"] as? String } == ["a", "b", "down"])
        #expect(hosts.map { $0["status"] as? String } == ["converged", "converged", "unreachable"])
        #expect(report["converged"] as? Bool == false)
    }

    @Test("plan shows the reachable hosts' changes, lists the unreachable one and exits 1")
    func planWithOneHostDown() throws {
        let fixture = try Self.fleet()
        let run = try CLI.reconcile(["plan", fixture.path])
        #expect(run.status == 1, "\(run.output)")
        for name in ["a", "b", "c"] {
            #expect(run.stdout.contains("+ virtual machine \"web-\(name)\""), "\(run.stdout)")
            #expect(Self.row(run.stdout, name)?[2...3] == ["not", "converged"])
        }
        #expect(!run.stdout.contains("web-down\""))
        #expect(Self.row(run.stdout, "down")?[2] == "unreachable")
        #expect(run.stdout.contains("Plan: 6 to create, 0 to update, 0 to delete."))
        #expect(run.stderr.contains("1 hypervisor unreachable"))

        let reachable = try Self.fleet(down: [])
        let clean = try CLI.reconcile(["plan", reachable.path, "--detailed-exitcode"])
        #expect(clean.status == 2, "\(clean.output)")
    }

    @Test("--target limits a run to a hypervisor, or to a VM with the network it attaches to")
    func target() throws {
        let fixture = try Self.fleet()
        let host = try CLI.reconcile(["plan", fixture.path, "--target", "b"])
        #expect(host.status == 0 || host.status == 2, "\(host.output)")
        #expect(host.stdout.contains("+ virtual machine \"web-b\""))
        #expect(host.stdout.contains("+ network \"lab-b\""))
        #expect(!host.stdout.contains("web-a") && !host.stdout.contains("web-c") && !host.stdout.contains("unreachable"))

        let machines = try CLI.reconcile(["apply", fixture.path, "--target", "web-a", "--target", "c/web-c"])
        #expect(machines.status == 0, "\(machines.output)")
        #expect(machines.stdout.contains("Apply complete: 10 steps, 10 succeeded"))
        #expect(Self.row(machines.stdout, "a")?[2] == "converged")
        #expect(Self.row(machines.stdout, "b") == nil && Self.row(machines.stdout, "down") == nil)
    }

    @Test("an unknown --target is an error with a suggestion; --prune with a VM target is refused")
    func targetErrors() throws {
        let fixture = try Self.fleet()
        let unknown = try CLI.reconcile(["plan", fixture.path, "--target", "web-bb"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("error: --target 'web-bb' names no Hypervisor or VirtualMachine in the manifests (did you mean 'web-b'?); nothing was changed."), "\(unknown.stderr)")
        let prune = try CLI.reconcile(["apply", fixture.path, "--target", "web-a", "--prune"])
        #expect(prune.status == 1)
        #expect(prune.stderr.contains("--prune with a VirtualMachine --target"))
        #expect(prune.stdout.isEmpty)
    }
}
