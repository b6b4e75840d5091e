import Foundation
import HostCommands
import Localization
import Logging

/// A content-addressed store of verified cloud images.
///
/// Layout: `images/<alg>-<hex>.img` keyed by the published digest (of the `.xz`
/// for compressed sources), `partial/<alg>-<hex>.partial` for downloads in
/// progress. A file only enters `images/` after its digest matched, so a file
/// there is trusted without rehashing. Processes sharing the cache take `partial/<alg>-<hex>.lock`
/// (flock) around a download, so two never write one partial file: the second waits, then finds the
/// image in place.
public struct ImageCache: Sendable {
    public let directory: URL
    private let logger: Logger
    private let fetcher = HTTPFetcher()

    public init(directory: URL, logger: Logger = Logger(label: "reconcile.provisioning.images")) {
        self.directory = directory
        self.logger = logger
    }

    /// Where the image for `digest` lives (or will live) in the cache.
    public func path(for digest: Digest) -> URL {
        directory.appendingPathComponent("images").appendingPathComponent(digest.fileNameComponent + ".img")
    }

    /// The cached image for `digest`, if present.
    public func cachedImage(for digest: Digest) -> URL? {
        let url = path(for: digest)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    func partialPath(for digest: Digest) -> URL {
        directory.appendingPathComponent("partial").appendingPathComponent(digest.fileNameComponent + ".partial")
    }

    func downloadLockPath(forComponent component: String) -> String {
        directory.appendingPathComponent("partial").appendingPathComponent(component + ".lock").path
    }

    /// How long a download waits for another process downloading the same image.
    static let downloadLockTimeout: Duration = .seconds(6 * 3600)

    /// Deletes what downloads left in `partial/` that no process is working on (its digest's lock is
    /// free): the leftovers of a run killed mid-download whose image nobody needs any more. Returns
    /// the file names deleted.
    @discardableResult
    public func discardAbandonedDownloads() throws -> [String] {
        let folder = directory.appendingPathComponent("partial")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where !name.hasSuffix(".lock") {
            // `<alg>-<hex>.partial`, `.xz`, or the decompressed `<alg>-<hex>`: all under one digest lock.
            let component = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
            guard let lock = try FileLock.tryAcquire(path: downloadLockPath(forComponent: component)) else { continue }
            defer { lock.release() }
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            removed.append(name)
        }
        return removed
    }

    /// The digest the image must have: inline, or looked up in the published checksum file.
    /// "latest" URLs change under the same name, so this is fetched anew each time.
    public func expectedDigest(for source: ImageSource) async throws -> Digest {
        switch source.checksum {
        case .digest(let digest):
            return digest
        case .checksumURL(let checksumURL, let fileName):
            let text = try await fetcher.text(checksumURL)
            let name = fileName ?? source.fileName
            do {
                return try ChecksumFile(parsing: text).digest(for: name)
            } catch let error as ProvisioningError {
                throw ProvisioningError(error.code, .verbatim("\(FetchFailureText.display(checksumURL)): ") + error.text)
            }
        }
    }

    /// Returns the verified image, downloading it only when the cache lacks it.
    public func fetch(_ source: ImageSource, progress: ProgressHandler? = nil) async throws -> CachedImage {
        let expected = try await expectedDigest(for: source)
        if let cached = cachedImage(for: expected) {
            logger.debug("image cache hit", metadata: ["url": "\(FetchFailureText.display(source.url))", "digest": "\(expected)"])
            return CachedImage(path: cached, digest: expected, downloaded: false)
        }
        let fileManager = FileManager.default
        let partial = partialPath(for: expected)
        try fileManager.createDirectory(at: partial.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: path(for: expected).deletingLastPathComponent(), withIntermediateDirectories: true)
        let lockPath = downloadLockPath(forComponent: expected.fileNameComponent)
        guard let lock = try await FileLock.acquire(path: lockPath, timeout: Self.downloadLockTimeout) else {
            throw ProvisioningError(.downloadFailed, LocalizedMessage("provisioning.downloadLockedForHours", ["digest": expected.description, "lock": lockPath]))
        }
        defer { lock.release() }
        if let cached = cachedImage(for: expected) {
            // Another process downloaded it while this one waited for the lock.
            return CachedImage(path: cached, digest: expected, downloaded: false)
        }

        logger.info("downloading image", metadata: ["url": "\(FetchFailureText.display(source.url))", "expected": "\(expected)"])
        let (actual, bytes) = try await fetcher.download(source.url, into: partial, algorithm: expected.algorithm, progress: progress)
        guard actual == expected else {
            try? fileManager.removeItem(at: partial)
            throw ProvisioningError(
                .checksumMismatch,
                .verbatim("\(FetchFailureText.display(source.url)): ") + LocalizedMessage("provisioning.checksumMismatch", [
                    "expected": expected.description, "actual": actual.description, "bytes": String(bytes),
                ])
            )
        }

        let destination = path(for: expected)
        switch source.compression {
        case .none:
            try moveIntoPlace(partial, destination)
        case .xz:
            try await decompressXZ(partial, into: destination, source: source)
        }
        logger.info("image verified", metadata: ["url": "\(FetchFailureText.display(source.url))", "digest": "\(expected)", "path": "\(destination.path)"])
        return CachedImage(path: destination, digest: expected, downloaded: true)
    }

    /// The checksum covers the `.xz`, so decompression happens only after verification.
    private func decompressXZ(_ partial: URL, into destination: URL, source: ImageSource) async throws {
        let compressed = partial.deletingPathExtension().appendingPathExtension("xz")
        let decompressed = partial.deletingPathExtension()
        try? FileManager.default.removeItem(at: compressed)
        try? FileManager.default.removeItem(at: decompressed)
        try FileManager.default.moveItem(at: partial, to: compressed)
        do {
            try await LocalTransport().check(["xz", "-d", "-f", "-T1", compressed.path], timeout: .seconds(3600))
        } catch {
            try? FileManager.default.removeItem(at: compressed)
            try? FileManager.default.removeItem(at: decompressed)
            let detail = (error as? ProvisioningError)?.text ?? .verbatim("\(error)")
            throw ProvisioningError(.commandFailed, .verbatim("\(FetchFailureText.display(source.url)): ")
                                    + LocalizedMessage("provisioning.decompressing") + detail)
        }
        try moveIntoPlace(decompressed, destination)
    }

    private func moveIntoPlace(_ file: URL, _ destination: URL) throws {
        // rename(2) is atomic: a reader sees either no image or the whole verified one.
        if rename(file.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            throw ProvisioningError(.downloadFailed, LocalizedMessage("provisioning.cannotMove", [
                "from": file.path, "to": destination.path, "reason": reason,
            ]))
        }
    }
}
