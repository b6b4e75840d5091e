import Foundation
import HostCommands
import Logging
import Synchronization
import Testing
@testable import Provisioning

@Suite("Image cache against a local HTTP server")
struct ImageCacheTests {
    /// Serves a fresh random image; runs `body`; stops the server by pid.
    func withServer(
        size: Int = 3 << 20,
        _ body: (TestHTTPServer, ImageCache, Data) async throws -> Void
    ) async throws {
        let scratch = try TemporaryDirectory("imagecache")
        defer { scratch.remove() }
        let served = scratch.file("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        let words = (0..<(size / 8)).map { _ in UInt64.random(in: .min ... .max) }
        let image = words.withUnsafeBytes { Data($0) }
        try image.write(to: served.appendingPathComponent("disk.qcow2"))
        let server = try await TestHTTPServer.start(serving: served, scratch: scratch)
        var logger = Logger(label: "test.imagecache")
        logger.logLevel = .error
        let cache = ImageCache(directory: scratch.file("cache"), logger: logger)
        do {
            try await body(server, cache, image)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func imageRequests(_ server: TestHTTPServer) -> [String] {
        server.requests().filter { $0.hasPrefix("GET /disk.qcow2 ") }
    }

    @Test("fresh download is verified, stored by digest and reports progress")
    func fresh() async throws {
        try await withServer { server, cache, image in
            let digest = Digest.of(image, algorithm: .sha256)
            let seen = Mutex<[DownloadProgress]>([])
            let result = try await cache.fetch(
                ImageSource(url: server.url("disk.qcow2"), checksum: .digest(digest)),
                progress: { progress in seen.withLock { $0.append(progress) } }
            )
            #expect(result.downloaded)
            #expect(result.digest == digest)
            #expect(result.path == cache.path(for: digest))
            #expect(result.path.lastPathComponent == "sha256-\(digest.hex).img")
            #expect(try Data(contentsOf: result.path) == image)
            let last = seen.withLock { $0.last }
            #expect(last == DownloadProgress(bytesDone: Int64(image.count), totalBytes: Int64(image.count)))
            #expect(!FileManager.default.fileExists(atPath: cache.partialPath(for: digest).path))
        }
    }

    @Test("a cached image is not downloaded again")
    func cacheHit() async throws {
        try await withServer { server, cache, image in
            let source = ImageSource(url: server.url("disk.qcow2"), checksum: .digest(Digest.of(image, algorithm: .sha512)))
            let first = try await cache.fetch(source)
            let second = try await cache.fetch(source)
            #expect(first.downloaded)
            #expect(!second.downloaded)
            #expect(second.path == first.path)
            #expect(imageRequests(server).count == 1)
        }
    }

    @Test("a partial download resumes with a Range request")
    func resume() async throws {
        try await withServer { server, cache, image in
            let digest = Digest.of(image, algorithm: .sha256)
            let partial = cache.partialPath(for: digest)
            try FileManager.default.createDirectory(at: partial.deletingLastPathComponent(), withIntermediateDirectories: true)
            let half = image.count / 2
            try image.prefix(half).write(to: partial)
            let seen = Mutex<[DownloadProgress]>([])
            let result = try await cache.fetch(
                ImageSource(url: server.url("disk.qcow2"), checksum: .digest(digest)),
                progress: { progress in seen.withLock { $0.append(progress) } }
            )
            #expect(try Data(contentsOf: result.path) == image)
            #expect(imageRequests(server) == ["GET /disk.qcow2 mode=range range=bytes=\(half)-"])
            #expect(seen.withLock { $0.first?.bytesDone } == Int64(half))
            #expect(seen.withLock { $0.last?.totalBytes } == Int64(image.count))
        }
    }

    @Test("a server that ignores Range makes the download restart from zero")
    func ignoredRange() async throws {
        try await withServer { server, cache, image in
            let digest = Digest.of(image, algorithm: .sha256)
            let partial = cache.partialPath(for: digest)
            try FileManager.default.createDirectory(at: partial.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Wrong bytes on purpose: appending to them would fail verification.
            try Data(repeating: 0xEE, count: 1000).write(to: partial)
            let result = try await cache.fetch(ImageSource(url: server.url("norange/disk.qcow2"), checksum: .digest(digest)))
            #expect(try Data(contentsOf: result.path) == image)
            #expect(server.requests() == ["GET /disk.qcow2 mode=norange range=bytes=1000-"])
        }
    }

    @Test("a response without Content-Length still downloads, with an unknown total")
    func noContentLength() async throws {
        try await withServer { server, cache, image in
            let digest = Digest.of(image, algorithm: .sha256)
            let seen = Mutex<[DownloadProgress]>([])
            let result = try await cache.fetch(
                ImageSource(url: server.url("nolength/disk.qcow2"), checksum: .digest(digest)),
                progress: { progress in seen.withLock { $0.append(progress) } }
            )
            #expect(try Data(contentsOf: result.path) == image)
            #expect(seen.withLock { $0.last } == DownloadProgress(bytesDone: Int64(image.count), totalBytes: nil))
        }
    }

    @Test("a checksum mismatch deletes the download and names URL, expected and actual")
    func mismatch() async throws {
        try await withServer { server, cache, image in
            let wrong = Digest.of(Data("not the image".utf8), algorithm: .sha256)
            let actual = Digest.of(image, algorithm: .sha256)
            let url = server.url("disk.qcow2")
            do {
                _ = try await cache.fetch(ImageSource(url: url, checksum: .digest(wrong)))
                Issue.record("expected a checksum mismatch")
            } catch let error as ProvisioningError {
                #expect(error.code == .checksumMismatch)
                #expect(error.message.contains(url.absoluteString))
                #expect(error.message.contains(wrong.description))
                #expect(error.message.contains(actual.description))
            }
            #expect(!FileManager.default.fileExists(atPath: cache.partialPath(for: wrong).path))
            #expect(cache.cachedImage(for: wrong) == nil)
        }
    }

    @Test("checksumURL in GNU format (Debian SHA512SUMS style)")
    func checksumURLGNU() async throws {
        try await withServer { server, cache, image in
            let digest = Digest.of(image, algorithm: .sha512)
            let sums = "\(String(repeating: "0", count: 128))  other.qcow2\n\(digest.hex)  disk.qcow2\n"
            try sums.write(to: server.root.appendingPathComponent("SHA512SUMS"), atomically: true, encoding: .utf8)
            let result = try await cache.fetch(
                ImageSource(url: server.url("disk.qcow2"), checksum: .checksumURL(server.url("SHA512SUMS")))
            )
            #expect(result.digest == digest)
            #expect(try Data(contentsOf: result.path) == image)
        }
    }

    @Test("checksumURL in BSD format (Fedora CHECKSUM style), then a cache hit")
    func checksumURLBSD() async throws {
        try await withServer { server, cache, image in
            let digest = Digest.of(image, algorithm: .sha256)
            let sums = "# disk.qcow2: \(image.count) bytes\nSHA256 (disk.qcow2) = \(digest.hex)\n"
            try sums.write(to: server.root.appendingPathComponent("CHECKSUM"), atomically: true, encoding: .utf8)
            let source = ImageSource(url: server.url("disk.qcow2"), checksum: .checksumURL(server.url("CHECKSUM")))
            #expect(try await cache.fetch(source).downloaded)
            #expect(try await cache.fetch(source).downloaded == false)
            #expect(imageRequests(server).count == 1)
            #expect(server.requests().filter { $0.hasPrefix("GET /CHECKSUM ") }.count == 2)
        }
    }

    @Test("a checksum file without the image's entry is an error naming the checksum URL")
    func checksumURLMissingEntry() async throws {
        try await withServer { server, cache, _ in
            try "SHA256 (else.qcow2) = \(String(repeating: "a", count: 64))\n"
                .write(to: server.root.appendingPathComponent("CHECKSUM"), atomically: true, encoding: .utf8)
            let source = ImageSource(url: server.url("disk.qcow2"), checksum: .checksumURL(server.url("CHECKSUM")))
            await #expect(throws: ProvisioningError.self) { try await cache.fetch(source) }
            #expect(imageRequests(server).isEmpty)
        }
    }

    @Test(".xz images are verified compressed and stored decompressed")
    func xz() async throws {
        try await withServer(size: 1 << 20) { server, cache, image in
            let compressed = server.root.appendingPathComponent("disk.qcow2.xz")
            try await LocalTransport().check(["xz", "-k", "-T1", server.root.appendingPathComponent("disk.qcow2").path])
            let digest = try Digest.of(fileAt: compressed, algorithm: .sha256)
            let source = ImageSource(url: server.url("disk.qcow2.xz"), checksum: .digest(digest))
            #expect(source.compression == .xz)
            let result = try await cache.fetch(source)
            #expect(result.digest == digest)
            #expect(try Data(contentsOf: result.path) == image)
        }
    }
}
