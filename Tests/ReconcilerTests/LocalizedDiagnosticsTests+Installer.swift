import Foundation
import Localization
import Spec
import Testing

/// The installer and cdrom problems: read from the manifest (a second answer file, a path where a volume
/// name goes) and found when the documents are checked together (an installer VM's own cdrom, its blank
/// disk without a size).
extension LocalizedDiagnosticsTests {
    static let checksum = "sha256:" + String(repeating: "1", count: 64)

    static let installerManifests = Manifests.join(
        Manifests.document("StoragePool", "isos", "path: /srv/isos"),
        Manifests.document("Distribution", "alma", "family: rhel\ninstaller:\n  iso: {url: 'https://example.invalid/alma.iso', checksum: '\(checksum)'}\n  kickstart: text\n  preseed: x"),
        Manifests.document("VirtualMachine", "web", "memory: 512MiB\ndisks: [{name: root, size: 1GiB}]\ncdrom: {volume: ../x.iso}"))

    static let installerVMManifests = Manifests.join(
        Manifests.document("StoragePool", "isos", "path: /srv/isos"),
        Manifests.document("Distribution", "alma", "family: rhel\ninstaller:\n  iso: {url: 'https://example.invalid/alma.iso', checksum: '\(checksum)'}\n  kickstart: text"),
        Manifests.document("VirtualMachine", "db", "disks: [{name: root, from: alma}]\ncdrom: {volume: tools.iso}"))

    /// The 1-based number of the first line of `text` that contains `fragment`.
    static func line(of fragment: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(fragment) } ?? -1) + 1
    }

    /// The four problems with the English text reconcile prints, the line each is reported at, and a
    /// value from the manifest every language must show as written.
    static func installerCases() throws -> [(diagnostic: Diagnostic, english: String, line: Int, value: String)] {
        let reading = try ManifestFixture(installerManifests)
        let checking = try ManifestFixture(installerVMManifests)
        let diagnostics = reading.diagnostics() + checking.diagnostics()
        func find(_ field: String, in fixture: ManifestFixture) throws -> Diagnostic {
            try #require(diagnostics.first { $0.field == field && $0.location.file == fixture.file() }, "\(field): \(diagnostics)")
        }
        return [
            (try find("spec.installer.preseed", in: reading), "spec.installer.preseed: give exactly one answer file, not several (kickstart, preseed)",
             line(of: "preseed: x", in: installerManifests), "kickstart, preseed"),
            (try find("spec.cdrom.volume", in: reading),
             "spec.cdrom.volume: '../x.iso' is not a volume name (letters, digits, '.', '-', '_' and '+', not starting with '.' or '-', at most 255 characters)",
             line(of: "cdrom:", in: installerManifests), "'../x.iso'"),
            (try find("spec.cdrom", in: checking),
             "spec.cdrom: VM 'db' is installed from the installer ISO of Distribution 'alma', which is its cdrom; remove spec.cdrom",
             line(of: "cdrom:", in: installerVMManifests), "'alma'"),
            (try find("spec.disks[0].size", in: checking),
             "spec.disks[0].size: Distribution 'alma' has no cloud image, so disk 'root' starts blank and needs a size (for example 20GiB)",
             line(of: "disks:", in: installerVMManifests), "'root'"),
        ]
    }

    @Test("installer and cdrom problems in every language: FILE:LINE:COLUMN, field path and values stay, JSON is English",
          arguments: CatalogLocale.allCases)
    func installerTranslated(locale: CatalogLocale) throws {
        let localizer = Localizer(locale: locale)
        for (diagnostic, english, line, value) in try Self.installerCases() {
            #expect(diagnostic.message == english)
            #expect(diagnostic.location.line == line, "\(diagnostic.location): \(english)")
            let text = diagnostic.line(localizer)
            let prefix = "\(diagnostic.location): error: \(diagnostic.field ?? "-"): "
            #expect(text.hasPrefix(prefix), "\(text)")
            #expect(text.contains(value), "\(locale): \(text)")
            if locale == .english {
                #expect(text == prefix + String(english.dropFirst((diagnostic.field ?? "").count + 2)))
            } else {
                #expect(Self.hasTranslatedWords(diagnostic.text, in: locale), "untranslated in \(locale): \(english)")
                #expect(text != diagnostic.line(.english), "\(locale): \(text)")
            }
            // What `validate --output json` writes does not depend on the reader's language.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let json = String(decoding: try encoder.encode(diagnostic), as: UTF8.self)
            #expect(json.contains(english.replacingOccurrences(of: "/", with: "\\/")) || json.contains(english), "\(json)")
        }
    }
}
