import Foundation
import Testing
import Yams
@testable import ProvisioningAdapter
@testable import Reconciler
@testable import Spec

/// The seed of an installer VM: the manifest's answer file as file content, under the name and label
/// its installer looks for, and nothing of reconcile's cloud-init.
@Suite("Answer-file seeds")
struct AnswerFileSeedTests {
    @Test("autoinstall becomes NoCloud user-data whose autoinstall: mapping is exactly the manifest's")
    func autoinstall() throws {
        let text = """
            apiVersion: reconcile/v1
            kind: Distribution
            metadata: {name: noble}
            spec:
              family: debian
              installer:
                iso: {url: 'https://example.invalid/u.iso', checksum: 'sha256:\(String(repeating: "1", count: 64))'}
                autoinstall:
                  version: 1
                  identity: {hostname: db, username: ops, password: '$6$x$y'}
                  late-commands:
                    - |
                      echo "two
                        lines"
            """
        let set = try ManifestFixture(text).load()
        let answer = try #require(set.distributions.first?.installer?.answer)
        let seed = AnswerFileSeed(answer, guest: "db")
        #expect(seed.label == "cidata" && seed.files.map(\.name) == ["meta-data", "user-data"])
        let userData = try #require(seed.files.first { $0.name == "user-data" }?.content)
        #expect(userData.hasPrefix("#cloud-config\n"))
        let parsed = try #require(try Yams.compose(yaml: userData))
        let nested = try #require(parsed["autoinstall"])
        let original = try #require(try Yams.compose(yaml: answer.content))
        #expect(try Yams.serialize(node: nested) == Yams.serialize(node: original))
        #expect(try Yams.serialize(node: nested).contains("echo \"two\n  lines\"") || Yams.serialize(node: nested).contains("lines"))
        #expect(parsed.mapping?.keys.compactMap(\.string) == ["autoinstall"], "no users, keys or packages of reconcile's")
    }

    @Test("kickstart and preseed are one file each; the digest follows content and label")
    func files() {
        let kickstart = AnswerFileSeed(AnswerFile(kind: .kickstart, content: "text\n"), guest: "db")
        let preseed = AnswerFileSeed(AnswerFile(kind: .preseed, content: "text\n"), guest: "db")
        #expect(kickstart.label == "OEMDRV" && kickstart.files.map(\.name) == ["ks.cfg"] && kickstart.files[0].content == "text\n")
        #expect(preseed.label == "PRESEED" && preseed.files.map(\.name) == ["preseed.cfg"])
        #expect(kickstart.digest != preseed.digest, "same text, other installer: another seed")
        #expect(kickstart.digest != AnswerFileSeed(AnswerFile(kind: .kickstart, content: "text \n"), guest: "db").digest)
        #expect(kickstart.digest == AnswerFileSeed(AnswerFile(kind: .kickstart, content: "text\n"), guest: "db").digest)
    }

    @Test("the seed factory builds an installer VM's seed without keys or cloud-init, and its digest is the answer file's")
    func factory() async throws {
        let state = try ManifestFixture([:]).directory
        let factory = CloudInitSeedFactory(stateDirectory: state)
        var request = SeedRequest(guest: "db", hostname: "db", cloudInit: CloudInitSpec(), loginUser: "reconcile", primaryMAC: nil)
        request.answer = AnswerFile(kind: .kickstart, content: "text\npoweroff\n")
        let digest = try await factory.digest(of: request)
        #expect(digest == AnswerFileSeed(try #require(request.answer), guest: "db").digest)
        let iso = try await factory.build(request)
        defer { try? FileManager.default.removeItem(at: iso) }
        let bytes = try Data(contentsOf: iso)
        #expect(String(decoding: bytes[0x8028..<0x8028 + 6], as: UTF8.self) == "OEMDRV")
        #expect(bytes.range(of: Data("text\npoweroff\n".utf8)) != nil)
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("ssh").path), "no key generated for an installer VM")
    }
}
