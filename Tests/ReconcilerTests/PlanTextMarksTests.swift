import Testing
@testable import Reconciler

/// Without colour (no terminal, NO_COLOR), a field that goes away must still read differently from
/// one that appears.
@Suite("Plan text: field marks without colour")
struct PlanTextMarksTests {
    private func plan(_ change: ChangeType) -> Plan {
        var plan = Plan(targets: [.init(name: "h", uri: "test:///default")])
        let address = ResourceAddress(hypervisor: "h", kind: .domain, name: "vm")
        plan.resources = [ResourceChange(address: address, change: change, fields: [
            FieldChange(field: "memory", before: "1GiB", after: "2GiB"),
            FieldChange(field: "disks[1]", before: nil, after: "data 10GiB"),
            FieldChange(field: "networks[0]", before: "lab", after: nil),
        ], stepIDs: [], notes: [])]
        return plan
    }

    @Test("an update marks added fields with + and removed ones with -, changed ones keep →")
    func updateMarks() {
        let text = PlanTextRenderer(style: .plain).render(plan(.update))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("      memory:       1GiB → 2GiB"), "\(text)")
        #expect(lines.contains("    + disks[1]:     data 10GiB"), "\(text)")
        #expect(lines.contains("    - networks[0]:  lab"), "\(text)")
    }

    @Test("with colour the marks stay, coloured like their values")
    func colouredMarks() {
        let text = PlanTextRenderer(style: TerminalStyle(enabled: true)).render(plan(.update))
        #expect(text.contains("    \u{1B}[32m+\u{1B}[0m disks[1]:"))
        #expect(text.contains("    \u{1B}[31m-\u{1B}[0m networks[0]:"))
    }

    @Test("a created resource's block needs no mark per field: its + says it")
    func createHasNoFieldMarks() {
        let text = PlanTextRenderer(style: .plain).render(plan(.create))
        #expect(text.contains("      disks[1]:     data 10GiB"), "\(text)")
    }
}
