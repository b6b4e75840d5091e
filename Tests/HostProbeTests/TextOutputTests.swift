import HostProbe
import Testing

@Suite("Text output style")
struct TextOutputTests {
    @Test("symbols and colour only on a terminal, colour never with NO_COLOR")
    func styleChoice() {
        #expect(TextStyle.forOutput(isTerminal: true, environment: [:]) == TextStyle(symbols: true, color: true))
        #expect(TextStyle.forOutput(isTerminal: true, environment: ["NO_COLOR": ""]) == TextStyle(symbols: true, color: false))
        #expect(TextStyle.forOutput(isTerminal: false, environment: [:]) == .plain)
    }

    @Test("terminal rendering marks rungs with ✓/✗ and the next step")
    func terminalCard() async throws {
        let report = try await FixtureSupport.report("debian-12")
        let text = DetectionTextRenderer(style: TextStyle(symbols: true, color: false)).render(report)
        let kvmLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("KVM/QEMU") })
        #expect(kvmLine.contains("✓ available  ✓ installed  ✓ enabled  ✗ running"))
        #expect(kvmLine.contains("→ next: start libvirtd"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test("colour codes appear only when colour is on")
    func colour() async throws {
        let report = try await FixtureSupport.report("debian-12")
        #expect(DetectionTextRenderer(style: TextStyle(symbols: true, color: true)).render(report).contains("\u{1B}[32m"))
        #expect(!DetectionTextRenderer(style: .plain).render(report).contains("✓"))
    }
}
