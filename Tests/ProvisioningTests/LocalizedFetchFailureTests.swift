import Foundation
import Localization
import Testing
@testable import Provisioning
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetch failures in the reader's language keep the URL's credentials out, as the English ones do.
@Suite("Fetch failures in other languages")
struct LocalizedFetchFailureTests {
    static let url = URL(string: "https://mirror-user:s3cret-pass@mirror.example/images/d.qcow2?token=abc")

    @Test("unreachable: translated reason, redacted URL", arguments: [CatalogLocale.german, .japanese])
    func unreachable(locale: CatalogLocale) throws {
        let url = try #require(Self.url)
        let text = FetchFailureText.unreachable(url, URLError(.cannotFindHost))
        let localized = text.text(Localizer(locale: locale))
        #expect(localized != text.english)
        #expect(localized.contains(Localizer(locale: locale).text("provisioning.reasonHostNotFound")))
        #expect(localized.contains("mirror.example/images/d.qcow2"))
        for secret in ["s3cret-pass", "mirror-user"] {
            #expect(!localized.contains(secret), "\(localized)")
            #expect(!text.english.contains(secret))
        }
    }

    @Test("an error redacted after the fact stays redacted in every language", arguments: [CatalogLocale.german, .japanese])
    func redactedError(locale: CatalogLocale) throws {
        let raw = "https://mirror-user:s3cret-pass@mirror.example/d.qcow2"
        let error = ProvisioningError(.downloadFailed, LocalizedText(LocalizedMessage("provisioning.cannotReach", ["url": raw]),
                                                                     nested: ["reason": LocalizedMessage("provisioning.reasonTimedOut")]))
        let redacted = ProvisioningError(error.code, error.text.mappingValues(\.redactingURLCredentials))
        let shown = redacted.text.text(Localizer(locale: locale))
        #expect(!shown.contains("s3cret-pass"), "\(shown)")
        #expect(!redacted.message.contains("s3cret-pass"))
        #expect(shown != redacted.message)
    }
}
