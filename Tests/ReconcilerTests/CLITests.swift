import Foundation
import Testing

/// The CLI as a user runs it, against libvirt's test driver (each process gets a fresh fake host).
@Suite("Command line")
struct CLITests {
    @Test("validate reports every error with file, line and column, and exits 1")
    func validateErrors() throws {
        let fixture = try ManifestFixture(Manifests.document("VirtualMachine", "vm", "memory: 2X\ncpu: 2"))
        let run = try CLI.reconcile(["validate", fixture.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(fixture.file()):6:11: error: spec.memory: unknown size unit 'X'"))
        #expect(run.stderr.contains("\(fixture.file()):7:3: error: spec.cpu: unknown field 'cpu' (did you mean 'cpus'?)"))
        #expect(run.stderr.contains("nothing was changed"))
        #expect(run.stdout.isEmpty)
    }

    @Test("validate summarises valid manifests in one line")
    func validateOK() throws {
        let run = try CLI.reconcile(["validate", Manifests.exampleDirectory])
        #expect(run.status == 0)
        #expect(run.stdout == "Valid: 2 files, 1 hypervisor, 2 networks, 1 storage pool, 2 virtual machines, 11 distributions.\n")
    }

    @Test("plan --detailed-exitcode exits 2 with changes; apply converges; text has Terraform's shape")
    func planAndApply() throws {
        let plan = try CLI.reconcile(["plan", Manifests.exampleDirectory, "--connect", "test:///default", "--detailed-exitcode"])
        #expect(plan.status == 2)
        #expect(plan.stdout.contains("  + network \"lab\""))
        #expect(plan.stdout.contains("  + virtual machine \"web-1\""))
        #expect(plan.stdout.hasSuffix("Plan: 8 to create, 0 to update, 0 to delete.\n"))
        #expect(!plan.stdout.contains("\u{1B}["), "no colour when not on a terminal")

        let apply = try CLI.reconcile(["apply", Manifests.exampleDirectory, "--connect", "test:///default"])
        #expect(apply.status == 0, "\(apply.output)")
        #expect(apply.stdout.contains("done define-domain local/domain/web-1 in"))
        #expect(apply.stdout.contains("Apply complete: 16 steps, 16 succeeded, 0 failed, 0 skipped"))
        #expect(apply.stdout.contains("Converged: the hosts match the manifests."))
    }

    @Test("JSON plan has stable step ids, kinds, dependencies and a summary")
    func jsonPlan() throws {
        let run = try CLI.reconcile(["plan", Manifests.exampleDirectory, "--connect", "test:///default", "--output", "json"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["formatVersion"] as? Int == 2)
        let steps = try #require(json["steps"] as? [[String: Any]])
        let start = try #require(steps.first { $0["id"] as? String == "start-domain:local/domain/web-1" })
        #expect(start["kind"] as? String == "start-domain")
        #expect(start["resource"] as? String == "local/domain/web-1")
        #expect((start["dependsOn"] as? [String])?.contains("define-domain:local/domain/web-1") == true)
        #expect(start["reason"] as? String == "virtual machine should be running")
        #expect(json["summary"] as? [String: Int] == ["create": 8, "update": 0, "delete": 0])
        #expect((json["conflicts"] as? [Any])?.isEmpty == true)
    }

    @Test("a saved plan applies when nothing changed, and is refused when the manifests did")
    func savedPlan() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("Network", "lab", "mode: isolated"),
            Manifests.document("VirtualMachine", "vm", "memory: 256MiB\nnetworks: [lab]")))
        let planFile = fixture.directory.appendingPathComponent("saved.plan").path
        let saved = try CLI.reconcile(["plan", fixture.path, "--connect", "test:///default", "--out", planFile])
        #expect(saved.status == 0)
        let text = try String(contentsOfFile: planFile, encoding: .utf8)
        #expect(text.contains("\"observedFingerprint\""))
        let applied = try CLI.reconcile(["apply", "--plan", planFile])
        #expect(applied.status == 0, "\(applied.output)")
        #expect(applied.stdout.contains("Converged"))

        try Manifests.document("VirtualMachine", "vm", "memory: 512MiB").write(toFile: fixture.file(), atomically: true, encoding: .utf8)
        let refused = try CLI.reconcile(["apply", "--plan", planFile])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the manifests changed since the plan was saved"))
    }

    @Test("--connect meets the manifest's URI rules: a program in the URI is refused before anything is read")
    func hostileConnect() throws {
        for uri in ["qemu+ext:///system?command=/bin/sh", "qemu+ssh://kvm1/system?no_verify=1", "test:///default\u{1B}[2J"] {
            let run = try CLI.reconcile(["plan", Manifests.exampleDirectory, "--connect", uri])
            #expect(run.status == 1, "\(uri): \(run.output)")
            #expect(run.stderr.hasPrefix("error: --connect "), "\(run.stderr)")
            #expect(run.stderr.contains("nothing was changed"))
            #expect(!run.stderr.contains("\u{1B}"), "no escape reaches the terminal")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("a saved plan names its manifests by absolute path, so it applies from any directory")
    func savedPlanFromElsewhere() throws {
        let fixture = try ManifestFixture(["lab/manifest.yaml": Manifests.join(
            Manifests.document("Network", "lab", "mode: isolated"),
            Manifests.document("VirtualMachine", "vm", "memory: 256MiB\nnetworks: [lab]"))])
        let saved = try CLI.reconcile(["plan", "lab", "--connect", "test:///default", "--out", "saved.plan"], in: fixture.path)
        #expect(saved.status == 0, "\(saved.output)")
        let planFile = fixture.directory.appendingPathComponent("saved.plan").path
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planFile))) as? [String: Any])
        let labDirectory = fixture.directory.appendingPathComponent("lab").standardized.path
        #expect(json["paths"] as? [String] == [labDirectory])
        #expect((json["manifests"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == [labDirectory + "/manifest.yaml"])
        let applied = try CLI.reconcile(["apply", "--plan", planFile], in: "/")
        #expect(applied.status == 0, "\(applied.output)")
        #expect(applied.stdout.contains("Converged"))
    }

    @Test("apply without paths or --plan is a usage error")
    func usage() throws {
        let run = try CLI.reconcile(["apply"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("give manifest paths, --git URL or --plan FILE"))
    }
}
