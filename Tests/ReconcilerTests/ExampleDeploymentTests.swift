import Foundation
import Testing
import Yams

/// The systemd units and the Kubernetes CronJob shipped in examples/ stay valid.
@Suite("Shipped deployment examples")
struct ExampleDeploymentTests {
    static var examples: URL { URL(fileURLWithPath: Manifests.exampleDirectory) }

    /// `systemd-analyze verify` with the units' binary pointed at the one just built (it checks that
    /// ExecStart is executable). It exits 0 even for settings it ignores, so any diagnostic fails too.
    @Test("the systemd service, timer and watch service pass systemd-analyze verify")
    func systemdUnits() throws {
        let names = ["reconcile.service", "reconcile.timer", "reconcile-watch.service"]
        let fixture = try ManifestFixture(Dictionary(uniqueKeysWithValues: try names.map { name in
            let text = try String(contentsOf: Self.examples.appendingPathComponent("systemd/\(name)"), encoding: .utf8)
            return (name, text.replacingOccurrences(of: "/usr/local/bin/reconcile", with: CLI.binary))
        }))
        let watch = try String(contentsOfFile: fixture.file("reconcile-watch.service"), encoding: .utf8)
        #expect(watch.contains("apply --watch") && watch.contains("ExecReload=/bin/kill -HUP $MAINPID"))
        #expect(try String(contentsOfFile: fixture.file("reconcile.service"), encoding: .utf8).contains("Type=oneshot"))
        for name in names {
            let problems = Self.unitFileProblems(try String(contentsOfFile: fixture.file(name), encoding: .utf8))
            #expect(problems.isEmpty, "\(name): \(problems)")
        }
        #expect(!Self.unitFileProblems("[Service]\nExecStart /bin/true\n").isEmpty, "the structural check can fail")

        let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let verify = analyze else {
            // Without systemd (a container, another OS) the structural check above is all there is.
            print("note: systemd-analyze not found; the shipped units were only checked structurally")
            return
        }
        let run = try CLI.run(verify, ["verify", "--man=no"] + names.map { fixture.file($0) }, in: fixture.path)
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.output)")

        // The check can fail: a misspelt setting is reported.
        try watch.replacingOccurrences(of: "Type=exec", with: "Type=exe").write(toFile: fixture.file("broken.service"), atomically: true, encoding: .utf8)
        let broken = try CLI.run(verify, ["verify", "--man=no", fixture.file("broken.service")], in: fixture.path)
        #expect(broken.stderr.contains("Failed to parse service type"), "\(broken.output)")
    }

    /// What a unit file needs to be read at all: known sections, `Key=Value` lines (continued with a
    /// trailing backslash), and an ExecStart or a timer setting.
    static func unitFileProblems(_ text: String) -> [String] {
        var problems: [String] = []
        var section: String?
        var keys: Set<String> = []
        var continued = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            defer { continued = trimmed.hasSuffix("\\") }
            if continued || trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                section = String(trimmed.dropFirst().dropLast())
                if !trimmed.hasSuffix("]") || !["Unit", "Service", "Timer", "Install"].contains(section ?? "") {
                    problems.append("line \(number + 1): unknown section \(trimmed)")
                }
                continue
            }
            guard let section, let equals = trimmed.firstIndex(of: "="), equals != trimmed.startIndex,
                  trimmed[..<equals].allSatisfy({ $0.isLetter || $0.isNumber }) else {
                problems.append("line \(number + 1): not Key=Value inside a section: \(trimmed)")
                continue
            }
            keys.insert("\(section).\(trimmed[..<equals])")
        }
        if !keys.contains("Service.ExecStart") && !keys.contains(where: { $0.hasPrefix("Timer.On") }) {
            problems.append("neither Service.ExecStart nor a Timer.On... setting")
        }
        return problems
    }

    @Test("the Kubernetes CronJob parses and runs one apply at a time from git, never restarting a failed run")
    func cronJob() throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent("kubernetes/cronjob.yaml.example"), encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(document["apiVersion"] as? String == "batch/v1" && document["kind"] as? String == "CronJob")
        let spec = try #require(document["spec"] as? [String: Any])
        let schedule = try #require(spec["schedule"] as? String)
        #expect(schedule.split(separator: " ").count == 5, "a five-field cron schedule")
        #expect(spec["concurrencyPolicy"] as? String == "Forbid")
        let job = try #require((spec["jobTemplate"] as? [String: Any])?["spec"] as? [String: Any])
        #expect(job["backoffLimit"] as? Int == 0)
        let pod = try #require((job["template"] as? [String: Any])?["spec"] as? [String: Any])
        #expect(pod["restartPolicy"] as? String == "Never")
        let containers = try #require(pod["containers"] as? [[String: Any]])
        let arguments = try #require(containers.first?["args"] as? [String])
        #expect(arguments.first == "apply" && arguments.contains("--git") && arguments.contains("--state-dir"))
        let mounts = Set((containers.first?["volumeMounts"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        let volumes = Set((pod["volumes"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        #expect(!mounts.isEmpty && mounts.isSubset(of: volumes), "every mount names a volume")
    }

    @Test("the examples directory still plans: nothing here is read as a manifest")
    func examplesStillPlan() throws {
        let run = try CLI.reconcile(["plan", Manifests.exampleDirectory, "--connect", "test:///default"])
        #expect(run.status == 0 && run.stdout.contains("Plan: 8 to create"), "\(run.output)")
    }
}
