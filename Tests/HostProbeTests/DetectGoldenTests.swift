import HostProbe
import Testing

@Suite("Detection output matches the golden files for every fixture host")
struct DetectGoldenTests {
    @Test("JSON report", arguments: FixtureSupport.fixtureNames)
    func jsonReport(fixture: String) async throws {
        let report = try await FixtureSupport.report(fixture)
        try FixtureSupport.expectMatchesGolden(try report.jsonText() + "\n", "detect/\(fixture).json")
    }

    @Test("plain text report", arguments: FixtureSupport.fixtureNames)
    func textReport(fixture: String) async throws {
        let report = try await FixtureSupport.report(fixture)
        let text = DetectionTextRenderer(style: .plain).render(report)
        try FixtureSupport.expectMatchesGolden(text, "text/\(fixture).txt")
    }

    @Test("bootstrap plan", arguments: FixtureSupport.fixtureNames)
    func bootstrapPlan(fixture: String) async throws {
        let report = try await FixtureSupport.report(fixture)
        let lines = BootstrapPlan.kvm(for: report.distribution).map { plan in
            plan.commands.map(\.rendered).joined(separator: "\n")
        } ?? "no plan"
        try FixtureSupport.expectMatchesGolden(lines + "\n", "bootstrap/\(fixture).txt")
    }
}
