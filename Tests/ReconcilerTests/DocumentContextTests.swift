import Testing
@testable import Spec

@Suite("What reading a document records")
struct DocumentContextTests {
    @Test("accepted keys are recorded for the catalog only, list indices dropped")
    func acceptedKeys() {
        let load = DocumentContext(file: "a.yaml")
        load.accept(["name", "size"], at: "spec.disks[0]")
        #expect(load.acceptedKeys.isEmpty)
        let catalog = DocumentContext(file: "<catalog>", recordsAcceptedKeys: true)
        catalog.accept(["name", "size"], at: "spec.disks[0]")
        catalog.accept(["bus"], at: "spec.disks[1]")
        #expect(catalog.acceptedKeys == ["spec.disks[]": ["name", "size", "bus"]])
    }
}
