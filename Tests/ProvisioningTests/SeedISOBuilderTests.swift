import Foundation
import HostCommands
import Testing
@testable import Provisioning

@Suite("Seed ISO")
struct SeedISOBuilderTests {
    func extract(_ iso: URL, into directory: URL) async throws {
        try await LocalTransport().check(["xorriso", "-osirrox", "on", "-indev", iso.path, "-extract", "/", directory.path])
    }

    func volumeID(_ iso: URL) async throws -> String {
        let info = try await LocalTransport().check(["isoinfo", "-d", "-i", iso.path])
        let line = info.standardOutput.split(separator: "\n").first { $0.hasPrefix("Volume id:") } ?? ""
        return line.dropFirst("Volume id:".count).trimmed(of: " ")
    }

    @Test("xorriso builds a cidata ISO holding exactly the rendered files, reproducibly")
    func xorriso() async throws {
        let scratch = try TemporaryDirectory("seediso")
        defer { scratch.remove() }
        var seed = CloudInitSeedTests.sample()
        seed.network = SeedNetwork(match: .macAddress("52:54:00:00:00:01"))
        let rendered = try seed.render()
        let path = try #require(ProcessRunner.findExecutable(["xorriso"]))
        let builder = SeedISOBuilder(tool: .xorriso(path: path))
        let first = scratch.file("a.iso")
        let second = scratch.file("b.iso")
        try await builder.build(rendered, at: first)
        try await Task.sleep(for: .milliseconds(1100))
        try await builder.build(rendered, at: second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        #expect(try await volumeID(first) == "cidata")
        let mode = try FileManager.default.attributesOfItem(atPath: first.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        let out = scratch.file("extracted")
        try await extract(first, into: out)
        for file in rendered.files {
            #expect(try String(contentsOf: out.appendingPathComponent(file.name), encoding: .utf8) == file.content)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["meta-data", "network-config", "user-data"])
    }

    @Test("an answer-file seed carries its installer's label and exactly its files, with either tool")
    func labelledSeed() async throws {
        let scratch = try TemporaryDirectory("seediso")
        defer { scratch.remove() }
        let files = [(name: "ks.cfg", content: "text\nrootpw --lock\npoweroff\n")]
        for tool in [SeedISOBuilder.Tool.xorriso(path: try #require(ProcessRunner.findExecutable(["xorriso"]))),
                     .genisoimage(path: try #require(ProcessRunner.findExecutable(["genisoimage"])))] {
            let iso = scratch.file("answer-\(UUID().uuidString).iso")
            try await SeedISOBuilder(tool: tool).build(files: files, label: "OEMDRV", at: iso)
            #expect(try await volumeID(iso) == "OEMDRV")
            let out = scratch.file("extracted-\(UUID().uuidString)")
            try await extract(iso, into: out)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["ks.cfg"])
            #expect(try String(contentsOf: out.appendingPathComponent("ks.cfg"), encoding: .utf8) == files[0].content)
        }
    }

    @Test("genisoimage builds a cidata ISO with the rendered files")
    func genisoimage() async throws {
        let scratch = try TemporaryDirectory("seediso")
        defer { scratch.remove() }
        let rendered = try CloudInitSeedTests.sample().render()
        let path = try #require(ProcessRunner.findExecutable(["genisoimage"]))
        let iso = scratch.file("seed.iso")
        try await SeedISOBuilder(tool: .genisoimage(path: path)).build(rendered, at: iso)
        #expect(try await volumeID(iso) == "cidata")
        let out = scratch.file("extracted")
        try await extract(iso, into: out)
        #expect(try String(contentsOf: out.appendingPathComponent("user-data"), encoding: .utf8) == rendered.userData)
        #expect(try String(contentsOf: out.appendingPathComponent("meta-data"), encoding: .utf8) == rendered.metaData)
    }

    @Test("a failing tool reports the command and its stderr")
    func failure() async throws {
        let scratch = try TemporaryDirectory("seediso")
        defer { scratch.remove() }
        let builder = SeedISOBuilder(tool: .xorriso(path: "/bin/false"))
        do {
            try await builder.build(try CloudInitSeedTests.sample().render(), at: scratch.file("x.iso"))
            Issue.record("expected failure")
        } catch let error as ProvisioningError {
            #expect(error.code == .commandFailed)
            #expect(error.message.contains("/bin/false"))
            #expect(error.message.contains("exited 1"))
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.file("x.iso").path))
    }
}
