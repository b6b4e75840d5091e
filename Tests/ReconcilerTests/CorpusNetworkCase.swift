/// One hand-made network of the corpus and the manifest that adopts it.
struct CorpusNetworkCase: Sendable {
    var name: String
    var spec: String
    var matches = false

    var manifest: String {
        Manifests.document("Network", name, spec + "\nactive: false\nautostart: false", adopt: true)
    }
}
