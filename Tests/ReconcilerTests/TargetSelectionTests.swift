import Testing
@testable import Spec

@Suite("--target selection")
struct TargetSelectionTests {
    static let manifests = Manifests.join(
        Manifests.document("Hypervisor", "a", "uri: 'test:///nowhere/a.xml'"),
        Manifests.document("Hypervisor", "b", "uri: 'test:///nowhere/b.xml'"),
        Manifests.document("Network", "lab", "hypervisor: a\nmode: isolated"),
        Manifests.document("Network", "other", "hypervisor: a\nmode: isolated"),
        Manifests.document("Network", "lab", "hypervisor: b\nmode: isolated"),
        Manifests.document("StoragePool", "images", "hypervisor: a\npath: /srv/images"),
        Manifests.document("StoragePool", "spare", "hypervisor: a\npath: /srv/spare"),
        Manifests.document("Distribution", "deb", "family: debian\ncloudImage: {url: 'http://127.0.0.1:1/d.qcow2', checksumURL: 'http://127.0.0.1:1/SUMS'}"),
        Manifests.document("Distribution", "unused", "family: debian\ncloudImage: {url: 'http://127.0.0.1:1/u.qcow2', checksumURL: 'http://127.0.0.1:1/SUMS'}"),
        Manifests.document("VirtualMachine", "web", "hypervisor: a\nnetworks: [lab]\ndisks: [{name: root, from: deb, size: 2GiB, pool: images}]"),
        Manifests.document("VirtualMachine", "db", "hypervisor: a\nnetworks: [other]"),
        Manifests.document("VirtualMachine", "web", "hypervisor: b\nnetworks: [lab]"))

    @Test("a VM target brings its hypervisor, networks, pools and distributions, and nothing else")
    func virtualMachine() throws {
        let set = try ManifestFixture(Self.manifests).load()
        let selected = try set.targeting(["a/web"])
        #expect(selected.hypervisors.map(\.name) == ["a"])
        #expect(selected.virtualMachines.map { "\($0.hypervisor)/\($0.name)" } == ["a/web"])
        #expect(selected.networks.map { "\($0.hypervisor)/\($0.name)" } == ["a/lab"])
        #expect(selected.pools.map(\.name) == ["images"])
        #expect(selected.distributions.map(\.name) == ["deb"])
        #expect(set.selectsPartOfAHost(["a/web"]))

        // A bare name selects that VM on every hypervisor that declares it.
        #expect(try set.targeting(["web"]).virtualMachines.map(\.hypervisor) == ["a", "b"])
    }

    @Test("a hypervisor target brings everything declared on it; no target selects everything")
    func hypervisor() throws {
        let set = try ManifestFixture(Self.manifests).load()
        let selected = try set.targeting(["a"])
        #expect(selected.virtualMachines.map(\.name) == ["web", "db"])
        #expect(selected.networks.map(\.name) == ["lab", "other"])
        #expect(selected.pools.map(\.name) == ["images", "spare"])
        #expect(!set.selectsPartOfAHost(["a"]))
        #expect(try set.targeting([]) == set)
        #expect(set.excludingHypervisors(["a"]).virtualMachines.map { "\($0.hypervisor)/\($0.name)" } == ["b/web"])
    }

    @Test("an unknown target names itself and suggests the nearest name")
    func unknown() throws {
        let set = try ManifestFixture(Self.manifests).load()
        #expect(throws: UnknownTargetError.self) { try set.targeting(["a", "webb"]) }
        do {
            _ = try set.targeting(["webb"])
        } catch {
            #expect(error.description == "--target 'webb' names no Hypervisor or VirtualMachine in the manifests (did you mean 'web'?)")
        }
    }
}
