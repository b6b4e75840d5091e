import Foundation
import Localization
import Testing
@testable import Unattended

/// A failing git fetch or metrics file, as the person reading the error sees it: the sentence in
/// their language, the URL, path, exit status and git's own words unchanged; logs keep English.
@Suite("Unattended errors in the reader's language")
struct UnattendedErrorLocaleTests {
    static let temporary = FileManager.default.temporaryDirectory

    @Test("git failing names the command, URL and exit status in every locale; git's stderr stays git's",
          arguments: CatalogLocale.allCases)
    func gitFailure(_ locale: CatalogLocale) async throws {
        let root = Self.temporary.appendingPathComponent("reconcile-git-\(UUID().uuidString)")
        let missing = root.appendingPathComponent("missing.git").path
        let source = try GitSource(url: missing, ref: nil, path: nil, stateDirectory: root.appendingPathComponent("state").path)
        let error = await #expect(throws: UnattendedError.self) { try await source.update() }
        let failure = try #require(error)
        #expect(failure.message.key == "apply.git.failedSaying", "\(failure)")
        #expect(failure.description.hasPrefix("git fetch \(missing) failed (exit 128): "), "\(failure)")
        let gitSaid = try #require(failure.message.arguments["detail"])
        let text = failure.text(Localizer(locale: locale))
        #expect(text == Localizer(locale: locale).text("apply.git.failedSaying", failure.message.arguments))
        for kept in ["git fetch", missing, "128", gitSaid] {
            #expect(text.contains(kept), "\(locale.rawValue) lost \(kept): \(text)")
        }
        if locale != .english { #expect(!text.contains("failed (exit"), "\(locale.rawValue): \(text)") }
        try? FileManager.default.removeItem(at: root)
    }

    @Test("a metrics file that cannot replace what is at its path says so in every locale",
          arguments: CatalogLocale.allCases)
    func metricsReplace(_ locale: CatalogLocale) throws {
        // A non-empty directory where the file belongs: writing the temporary file works, the rename does not.
        let root = Self.temporary.appendingPathComponent("reconcile-metrics-\(UUID().uuidString)")
        let target = root.appendingPathComponent("reconcile.prom")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: target.appendingPathComponent("occupied"))
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: UnattendedError.self) { try MetricsFile(path: target.path, metrics: PassMetrics()).write() }
        let failure = try #require(error)
        #expect(failure.description.hasPrefix("cannot replace the metrics file \(target.path): "), "\(failure)")
        let text = failure.text(Localizer(locale: locale))
        #expect(text.contains(target.path), "\(locale.rawValue): \(text)")
        if locale != .english { #expect(!text.contains("cannot replace"), "\(locale.rawValue): \(text)") }
        // The temporary file does not linger beside the metrics.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["reconcile.prom"])
    }
}
