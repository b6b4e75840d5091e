import Foundation
import Testing

/// The command line as a new user first meets it: a machine without libvirtd, --version, validate
/// for programs, --verbose, and --replace with a typo.
@Suite("First run: command line")
struct FirstRunCLITests {
    /// A socket nobody listens on: libvirt's qemu driver fails to connect, as on a host without libvirtd.
    static let noDaemon = "qemu+unix:///system?socket=/run/nonexistent-reconcile.sock"

    @Test("with no libvirtd, plan and apply list the host as unreachable with libvirt's error, then what to do", arguments: ["plan", "apply"])
    func noDaemon(command: String) throws {
        let run = try CLI.reconcile([command, Manifests.exampleDirectory, "--connect", Self.noDaemon])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("cannot connect to hypervisor 'local' at \(Self.noDaemon): ") }, "\(run.output)")
        #expect(lines[index].contains("nonexistent-reconcile.sock"), "libvirt's own words stay: \(lines[index])")
        let hints = lines.dropFirst(index + 1).prefix { $0.hasPrefix("      hint: ") }
        #expect(hints.count == 3, "\(run.stdout)")
        #expect(hints.contains { $0.contains("`reconcile detect`") })
        #expect(hints.contains { $0.contains("set `state: ready` on Hypervisor 'local'") })
        #expect(hints.contains { $0.contains("`--connect test:///default`") && $0.contains("forgets everything") })
        #expect(run.output.contains("1 hypervisor unreachable"))
        #expect(!run.stdout.contains("Apply complete"))
    }

    @Test("with no Hypervisor declared, the hint says to declare one")
    func noDaemonImplicitHypervisor() throws {
        let fixture = try ManifestFixture(Manifests.document("Network", "lab", "mode: isolated"))
        let run = try CLI.reconcile(["plan", fixture.path, "--connect", Self.noDaemon])
        #expect(run.status == 1)
        #expect(run.stdout.contains("hint: declare a Hypervisor with `state: ready`"), "\(run.output)")
    }

    @Test("the test driver gets no such hint: it always answers, and its errors are not about a daemon")
    func hintsOnlyForQemu() throws {
        let run = try CLI.reconcile(["plan", Manifests.exampleDirectory, "--connect", "test:///nonexistent-reconcile.xml"])
        #expect(run.status == 1)
        // libxml2 may write its own warning first.
        #expect(run.stdout.contains("cannot connect to hypervisor 'local'"), "\(run.output)")
        #expect(!run.output.contains("hint:"))
    }

    @Test("--version prints the version")
    func version() throws {
        let run = try CLI.reconcile(["--version"])
        #expect(run.status == 0)
        let version = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.first?.isNumber == true, "\(run.stdout)")
    }

    @Test("validate --output json: every problem with its position and field; a valid set gives an empty list")
    func validateJSON() throws {
        let fixture = try ManifestFixture(Manifests.document("VirtualMachine", "vm", "memory: 2048\ncpu: 2"))
        let run = try CLI.reconcile(["validate", fixture.path, "--output", "json"])
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        let problems = try #require(json["problems"] as? [[String: Any]])
        #expect(problems.count == 2)
        let memory = try #require(problems.first)
        #expect(memory["file"] as? String == fixture.file())
        #expect(memory["line"] as? Int == 6)
        #expect(memory["column"] as? Int == 11)
        #expect(memory["field"] as? String == "spec.memory")
        #expect(memory["severity"] as? String == "error")
        #expect((memory["message"] as? String)?.contains("has no unit") == true)
        #expect(problems.last?["field"] as? String == "spec.cpu")

        let valid = try CLI.reconcile(["validate", Manifests.exampleDirectory, "--output", "json"])
        #expect(valid.status == 0, "\(valid.output)")
        let validJSON = try #require(try JSONSerialization.jsonObject(with: Data(valid.stdout.utf8)) as? [String: Any])
        #expect(validJSON["valid"] as? Bool == true)
        #expect((validJSON["problems"] as? [Any])?.isEmpty == true)
    }

    @Test("--verbose logs each connection, what was observed with timings, and the plan; quiet without it")
    func verbose() throws {
        let quiet = try CLI.reconcile(["plan", Manifests.exampleDirectory, "--connect", "test:///default"])
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        let run = try CLI.reconcile(["plan", Manifests.exampleDirectory, "--connect", "test:///default", "--verbose"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.stdout == quiet.stdout, "the plan itself is the same")
        #expect(run.stderr.contains("connecting"))
        #expect(run.stderr.contains("uri=test:///default"))
        #expect(run.stderr.contains("observed"))
        #expect(run.stderr.contains("domains="))
        #expect(run.stderr.contains("seconds="))
        #expect(run.stderr.contains("planned"))
        #expect(run.stderr.contains("steps=8") || run.stderr.contains("steps="))
    }

    @Test("apply --replace with a name no manifest declares is an error, and nothing runs", arguments: ["plan", "apply"])
    func replaceUnknown(command: String) throws {
        let run = try CLI.reconcile([command, Manifests.exampleDirectory, "--connect", "test:///default", "--replace", "web-9"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: --replace web-9: no manifest declares a VirtualMachine named 'web-9'"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was changed"))
        #expect(run.stdout.isEmpty, "no plan, no step: \(run.stdout)")
    }

    /// A plan field's value as JSON typed it.
    enum Value: Decodable, Equatable {
        case boolean(Bool), number(Int), text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) { self = .boolean(value) }
            else if let value = try? container.decode(Int.self) { self = .number(value) }
            else { self = .text(try container.decode(String.self)) }
        }
    }

    struct PlanDocument: Decodable {
        struct Resource: Decodable {
            struct Field: Decodable {
                var field: String
                var before: Value?
                var after: Value?
            }
            var address: String
            var fields: [Field]
        }
        var formatVersion: Int
        var resources: [Resource]
    }

    @Test("JSON plan values are JSON numbers and booleans, in format 2")
    func typedJSONValues() throws {
        let run = try CLI.reconcile(["plan", Manifests.exampleDirectory, "--connect", "test:///default", "--output", "json"])
        #expect(run.status == 0, "\(run.output)")
        let plan = try JSONDecoder().decode(PlanDocument.self, from: Data(run.stdout.utf8))
        #expect(plan.formatVersion == 2)
        let vm = try #require(plan.resources.first { $0.address == "local/domain/web-1" })
        func after(_ field: String) -> Value? { vm.fields.first { $0.field == field }?.after }
        #expect(after("cpus") == .number(2))
        #expect(after("autostart") == .boolean(true) || after("autostart") == .boolean(false))
        #expect(after("memory") == .text("2GiB"))
        #expect(!run.stdout.contains("\"after\" : \"true\"") && !run.stdout.contains("\"after\" : \"2\""))
    }
}
