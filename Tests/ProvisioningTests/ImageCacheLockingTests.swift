import Foundation
import HostCommands
import Logging
import Testing
@testable import Provisioning

/// Processes sharing one image cache: a lock per digest around each download.
@Suite("Image cache shared by concurrent processes")
struct ImageCacheLockingTests {
    @Test("two caches on one directory fetching one image concurrently download it once, never into one partial file together")
    func concurrentFetches() async throws {
        try await ImageCacheTests().withServer(size: 24 << 20) { server, cache, image in
            let digest = Digest.of(image, algorithm: .sha256)
            let source = ImageSource(url: server.url("disk.qcow2"), checksum: .digest(digest))
            // A second ImageCache value opens its own lock file descriptions, as another process would.
            let other = ImageCache(directory: cache.directory)
            async let first = cache.fetch(source)
            async let second = other.fetch(source)
            let results = try await [first, second]
            #expect(results.filter(\.downloaded).count == 1)
            #expect(try Data(contentsOf: cache.path(for: digest)) == image)
            #expect(ImageCacheTests().imageRequests(server).count == 1)
            #expect(!FileManager.default.fileExists(atPath: cache.partialPath(for: digest).path))
        }
    }

    @Test("partial files nobody downloads are discarded; one a process is downloading is kept")
    func discardAbandoned() throws {
        let scratch = try TemporaryDirectory("imagecache-discard")
        defer { scratch.remove() }
        let cache = ImageCache(directory: scratch.file("cache"))
        let abandoned = try Digest(parsing: "sha256:" + String(repeating: "a", count: 64))
        let active = try Digest(parsing: "sha256:" + String(repeating: "b", count: 64))
        let folder = cache.partialPath(for: abandoned).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: cache.partialPath(for: abandoned))
        try Data("compressed".utf8).write(to: folder.appendingPathComponent("\(abandoned.fileNameComponent).xz"))
        try Data("half".utf8).write(to: cache.partialPath(for: active))
        let downloading = try #require(try FileLock.tryAcquire(path: cache.downloadLockPath(forComponent: active.fileNameComponent)))
        defer { downloading.release() }

        let removed = try cache.discardAbandonedDownloads()
        #expect(Set(removed) == ["\(abandoned.fileNameComponent).partial", "\(abandoned.fileNameComponent).xz"])
        #expect(FileManager.default.fileExists(atPath: cache.partialPath(for: active).path))
        #expect(!FileManager.default.fileExists(atPath: cache.partialPath(for: abandoned).path))
    }
}
