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

    @Test("names and messages from the probed machine cannot send escape sequences; the renderer's colours stay")
    func hostileHost() async throws {
        var report = try await FixtureSupport.report("debian-12")
        report.distribution.name = "Debian\u{1B}[2J\u{1B}[1A  KVM/QEMU ✓ forged\u{202E}"
        report.user.groups.append("kvm\u{9B}31m")
        let safe = try report.escapedForTerminal()
        let text = DetectionTextRenderer(style: TextStyle(symbols: true, color: true)).render(safe)
        #expect(text.contains("Debian\\u{1b}[2J\\u{1b}[1A  KVM/QEMU ✓ forged\\u{202e}"), "\(text)")
        #expect(text.contains("kvm\\u{9b}31m"))
        #expect(!text.contains("\u{1B}[2J") && !text.unicodeScalars.contains { $0 == "\u{9B}" || $0 == "\u{202E}" })
        #expect(text.contains("\u{1B}[32m"), "colours are the renderer's own and stay")
        #expect(safe.hypervisors == report.hypervisors, "clean values come back unchanged")
    }

    @Test("colour codes appear only when colour is on")
    func colour() async throws {
        let report = try await FixtureSupport.report("debian-12")
        #expect(DetectionTextRenderer(style: TextStyle(symbols: true, color: true)).render(report).contains("\u{1B}[32m"))
        #expect(!DetectionTextRenderer(style: .plain).render(report).contains("✓"))
    }
}
