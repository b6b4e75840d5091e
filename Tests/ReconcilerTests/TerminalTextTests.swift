import Foundation
import HostCommands
@testable import Reconciler
import Spec
import Testing

/// Text from hosts and manifests cannot drive the terminal a plan is reviewed on.
@Suite("Escaping host text for the terminal")
struct TerminalTextTests {
    @Test("control characters, C1 and bidi controls become visible escapes; other text is unchanged")
    func escapes() {
        #expect(TerminalText.escape("web-1 ✓ café") == "web-1 ✓ café")
        #expect(TerminalText.escape("a\u{1B}[2Kb") == "a\\u{1b}[2Kb")
        #expect(TerminalText.escape("x\ry\u{7F}\u{9B}31m") == "x\\u{d}y\\u{7f}\\u{9b}31m")
        #expect(TerminalText.escape("txt.\u{202E}exe\u{2066}") == "txt.\\u{202e}exe\\u{2066}")
        #expect(TerminalText.escape("line\nnext\t") == "line\\u{a}next\\u{9}")
    }

    @Test("the text plan escapes names, messages, values and notices; colour codes are its own")
    func planText() {
        let evil = "vm\u{1B}[1A\u{1B}[2K  + virtual machine \"fake\"\r\u{202E}"
        var plan = Plan(targets: [.init(name: "h", uri: "qemu:///system")])
        let address = ResourceAddress(hypervisor: "h", kind: .domain, name: evil)
        plan.steps = [Step(resource: address, action: .undefineDomain(evil), reason: "gone: \(evil)")]
        plan.resources = [ResourceChange(address: address, change: .delete,
                                         fields: [FieldChange(field: "path", before: "/x/\(evil)", after: nil)],
                                         stepIDs: plan.steps.map(\.id), notes: [.verbatim(evil)])]
        plan.conflicts = [Conflict(address: address, message: "libvirt: \(evil)", hint: evil)]
        plan.notices = [.verbatim(evil)]
        plan.blockers = [PreflightBlocker(hypervisor: "h", message: evil, hint: evil)]
        for style in [TerminalStyle.plain, TerminalStyle(enabled: true)] {
            let text = PlanTextRenderer(style: style).render(plan)
            let controls = text.unicodeScalars.filter { $0 != "\n" && TerminalText.isUnsafe($0) }
            // With colour on, the only escapes left are the renderer's own SGR sequences.
            #expect(controls.allSatisfy { $0 == "\u{1B}" } && (style.enabled || controls.isEmpty))
            #expect(!text.contains("\u{1B}[1A") && !text.contains("\u{1B}[2K") && !text.contains("\r"))
            #expect(text.contains("vm\\u{1b}[1A\\u{1b}[2K  + virtual machine \"fake\"\\u{d}\\u{202e}"))
        }
    }

    @Test("JSON output escapes control characters itself (JSONEncoder)")
    func json() throws {
        let evil = "vm\u{1B}[2K\u{9B}\r"
        var plan = Plan()
        plan.conflicts = [Conflict(address: ResourceAddress(hypervisor: "h", kind: .domain, name: evil), message: evil, hint: evil)]
        let text = PlanJSONRenderer().render(plan)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("\\u001b[2K"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let conflicts = try #require(json["conflicts"] as? [[String: Any]])
        #expect(conflicts.first?["message"] as? String == evil, "the value survives a round trip")
    }
}
