import Foundation
import Testing
@testable import Spec

/// What a new user meets first when a manifest is wrong: each error names the file, line, column
/// and field to edit, in words about YAML and sizes rather than the parser's.
@Suite("First run: manifest errors")
struct FirstRunManifestTests {
    private func only(_ fixture: ManifestFixture) throws -> Diagnostic {
        let diagnostics = fixture.diagnostics()
        #expect(diagnostics.count == 1, "\(diagnostics)")
        return try #require(diagnostics.first)
    }

    @Test("a size without a unit is an error at the field, not 2048 bytes")
    func bareSize() throws {
        let fixture = try ManifestFixture(Manifests.document("VirtualMachine", "vm", "memory: 2048"))
        let problem = try only(fixture)
        #expect(problem.description == "\(fixture.file()):6:11: error: spec.memory: '2048' has no unit: write 2048MiB, 2048GiB, or 2048B if you mean bytes")
        #expect(problem.field == "spec.memory")
    }

    @Test("a decimal disk size says GB is 10^9 bytes and what to write for GiB")
    func decimalSize() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("StoragePool", "p", "path: /p"),
            Manifests.document("VirtualMachine", "vm", "memory: 1GiB\ndisks:\n  - {name: root, size: 20GB, pool: p}")))
        let problem = try only(fixture)
        #expect(problem.field == "spec.disks[0].size")
        #expect(problem.location.line == 15)
        #expect(problem.message.contains("20GB is 20 × 10^9 bytes (decimal); write 20GiB for 20 × 2^30 bytes"), "\(problem.message)")
    }

    @Test("a tab in indentation is named as such, at its line and column", arguments: [
        ("apiVersion: reconcile/v1\nkind: Network\nmetadata:\n\tname: n\nspec: {}\n", 4, 1),
        ("apiVersion: reconcile/v1\nkind: Network\nmetadata:\n  name: n\nspec:\n  mode: nat\n \tautostart: true\n", 7, 2),
    ])
    func tab(text: String, line: Int, column: Int) throws {
        let fixture = try ManifestFixture(text)
        let problem = try only(fixture)
        #expect(problem.description == "\(fixture.file()):\(line):\(column): error: invalid YAML: tab characters are not allowed in YAML indentation; indent with spaces")
    }

    @Test("an empty file, or one of comments, is one clear error naming the file", arguments: ["", "# nothing yet\n", "---\n"])
    func emptyFile(text: String) throws {
        let fixture = try ManifestFixture(text)
        let problem = try only(fixture)
        #expect(problem.description.hasPrefix("\(fixture.file()):1:1: error: the file holds no manifest"))
        #expect(problem.field == nil)
        #expect(!problem.message.hasPrefix(":"))
    }

    @Test("an empty document beside a manifest (a trailing ---) is skipped")
    func trailingSeparator() throws {
        let fixture = try ManifestFixture(Manifests.document("Network", "n", "mode: isolated") + "\n---\n")
        #expect(fixture.diagnostics().isEmpty)
    }

    @Test("a document that is not a mapping says what a manifest is, with no empty field path")
    func listDocument() throws {
        let fixture = try ManifestFixture("- apiVersion: reconcile/v1\n")
        let problem = try only(fixture)
        #expect(problem.message == "a manifest document is a mapping of apiVersion, kind, metadata and spec, not a list")
        #expect(problem.field == nil)
    }

    @Test("a duplicate key points at the second key, the one to remove")
    func duplicateKey() throws {
        let fixture = try ManifestFixture(Manifests.document("VirtualMachine", "vm", "memory: 1GiB\ncpus: 2\ncpus: 4"))
        let problem = try only(fixture)
        #expect(problem.description == "\(fixture.file()):8:3: error: spec.cpus: duplicate key 'cpus' (first written at line 7, column 3)")
    }

    @Test("network errors point at the field at fault, not metadata.name")
    func networkFields() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("Network", "nat1", """
                ipv4:
                  address: 10.0.0.0
                  prefix: 24
                  dhcp:
                    start: 10.0.1.10
                    end: 10.0.0.50
                interface: eth0
                """),
            Manifests.document("Network", "tap", "mode: macvtap")))
        let diagnostics = fixture.diagnostics()
        func line(of field: String) -> Int? { diagnostics.first { $0.field == field }?.location.line }
        #expect(line(of: "spec.ipv4.address") == 7)
        #expect(line(of: "spec.ipv4.dhcp.start") == 10)
        #expect(line(of: "spec.interface") == 12)
        // A field that is missing is reported where the field asking for it is written.
        #expect(line(of: "spec.interface") != nil && diagnostics.contains { $0.field == "spec.interface" && $0.location.line == 19 })
        #expect(!diagnostics.contains { $0.location.line == 4 || $0.location.line == 17 }, "nothing at metadata.name: \(diagnostics)")
    }

    @Test("a directory walk skips hidden files and directories and reads .YAML and .YML")
    func directoryWalk() throws {
        let fixture = try ManifestFixture([
            "net.YAML": Manifests.document("Network", "a", "mode: isolated"),
            "sub/pool.Yml": Manifests.document("StoragePool", "p", "path: /p"),
            ".github/workflows/ci.yaml": "on: push\njobs: {}\n",
            ".hidden.yaml": "not: a manifest\n",
            "notes.txt": "ignored\n",
        ])
        let set = try fixture.load()
        #expect(set.sources.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["net.YAML", "pool.Yml"])
        #expect(set.networks.map(\.name) == ["a"])
        #expect(set.pools.map(\.name) == ["p"])
    }

    @Test("--replace names only declared VMs")
    func replaceProblems() throws {
        let set = try ManifestFixture(Manifests.document("VirtualMachine", "web-1", "memory: 1GiB")).load()
        #expect(set.replaceProblems(["web-1"]).isEmpty)
        #expect(set.replaceProblems(["web-2"]).map(\.english) == ["--replace web-2: no manifest declares a VirtualMachine named 'web-2' (did you mean 'web-1'?)"])
    }
}
