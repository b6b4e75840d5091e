import Foundation
import HostCommands
import Localization
import Provisioning
import Reconciler
import Spec

/// The engine's `ImageStore` over the content-addressed `ImageCache`.
public struct CachedImageStore: ImageStore {
    let cache: ImageCache

    public init(directory: URL) {
        cache = ImageCache(directory: directory)
    }

    public func resolveDigest(_ source: Spec.ImageSource) async throws -> String {
        try await Self.redactingErrors { try await cache.expectedDigest(for: try Self.convert(source)).description }
    }

    public func cachedFile(digest: String) -> URL? {
        guard let parsed = try? Digest(parsing: digest) else { return nil }
        return cache.cachedImage(for: parsed)
    }

    public func fetch(_ source: Spec.ImageSource, digest: String,
                      progress: @escaping @Sendable (String) -> Void) async throws -> URL {
        let converted = try Self.convert(source)
        let image = try await Self.redactingErrors {
            try await cache.fetch(converted) { update in
                progress(Localizer.current.text("provisioning.downloaded", ["progress": update.formatted(barWidth: 20)]))
            }
        }
        // The checksum file may have moved on between plan and apply: apply exactly what was planned.
        guard image.digest.description == digest else {
            throw ReconcileError(.planOutdated, LocalizedMessage("provisioning.imageDigestChanged", [
                "url": source.url.redactingURLCredentials, "digest": image.digest.description, "planned": digest,
            ]))
        }
        return image.path
    }

    public func discardAbandonedDownloads() throws -> [String] {
        try cache.discardAbandonedDownloads()
    }

    /// Download errors name the URL; a manifest may carry credentials in it, which no output shows.
    static func redactingErrors<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as ProvisioningError {
            throw ProvisioningError(error.code, error.text.mappingValues(\.redactingURLCredentials))
        }
    }

    static func convert(_ source: Spec.ImageSource) throws -> Provisioning.ImageSource {
        guard let url = URL(string: source.url) else {
            throw ReconcileError(.invalidPlanFile, LocalizedMessage("spec.urlInvalid", ["url": source.url.redactingURLCredentials]))
        }
        switch source.checksum {
        case .inline(let algorithm, let hex):
            return Provisioning.ImageSource(url: url, checksum: .digest(try Digest(parsing: "\(algorithm):\(hex)")))
        case .file(let checksumURL):
            guard let checksum = URL(string: checksumURL) else {
                throw ReconcileError(.invalidPlanFile, LocalizedMessage("spec.urlInvalid", ["url": checksumURL.redactingURLCredentials]))
            }
            return Provisioning.ImageSource(url: url, checksum: .checksumURL(checksum, fileName: nil))
        }
    }
}
