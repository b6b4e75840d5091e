import Testing
@testable import Reconciler
@testable import Spec

/// What plans show of a Distribution's URLs: never the credentials in them, and a warning whenever
/// a manifest lets images come over plain http.
@Suite("Planner: image URLs")
struct ImageURLPlanTests {
    static func manifests(cloudImage: String) -> String {
        Manifests.join(
            Manifests.document("Hypervisor", "h", "uri: test:///default"),
            Manifests.document("Network", "lab", "mode: isolated"),
            Manifests.document("StoragePool", "images", "path: /srv/images"),
            Manifests.document("Distribution", "deb", "family: debian\ncloudImage: {\(cloudImage)}"),
            Manifests.document("VirtualMachine", "web", "disks: [{name: root, from: deb, size: 8GiB}]\nnetworks: [lab]"))
    }

    @Test("credentials in an image URL never reach plan text or JSON")
    func redactedURLs() throws {
        let set = try ManifestFixture(Self.manifests(
            cloudImage: "url: 'https://mirror:s3cret@mirror.example/d.qcow2', checksumURL: 'https://mirror:s3cret@mirror.example/SUMS'")).load()
        let plan = Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current], facts: ProvisioningPlannerTests.facts())
        #expect(plan.steps.contains { $0.kind == .downloadImage })
        let text = PlanTextRenderer().render(plan)
        let json = PlanJSONRenderer().render(plan)
        #expect(text.contains("https://***@mirror.example/d.qcow2"), "\(text)")
        #expect(json.contains("https://***@mirror.example/d.qcow2"), "\(json)")
        #expect(!text.contains("s3cret") && !json.contains("s3cret"))
        #expect(!plan.notices.contains { $0.english.contains("allowHTTP") })

        var failing = ProvisioningPlannerTests.facts()
        let key = ProvisioningFacts.key(distribution: "deb", role: .disk)
        failing.digests[key] = nil
        failing.failures[key] = "https://mirror:s3cret@mirror.example/SUMS: HTTP 404"
        let failed = Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current], facts: failing)
        let conflict = try #require(failed.conflicts.first)
        #expect(conflict.message.english.contains("https://***@mirror.example/SUMS: HTTP 404"), "\(conflict.message)")
    }

    @Test("allowHTTP is pointed out in every plan that builds from the image")
    func allowHTTPNotice() throws {
        let set = try ManifestFixture(Self.manifests(
            cloudImage: "url: 'http://mirror.example/d.qcow2', checksumURL: 'http://mirror.example/SUMS', allowHTTP: true")).load()
        let plan = Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current], facts: ProvisioningPlannerTests.facts())
        let notice = "Distribution 'deb' sets cloudImage.allowHTTP: its files may come over plain http, which anyone on the way can alter"
        #expect(plan.notices.filter { $0.english == notice }.count == 1, "\(plan.notices)")
        #expect(PlanTextRenderer().render(plan).contains(notice))
    }
}
