import Foundation
import Logging
import Testing
@testable import Provisioning
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Failed fetches read like a person wrote them, name the URL without its credentials, and never
/// show Foundation's `Error Domain=NSURLErrorDomain …` dump. Only loopback is contacted.
@Suite("Fetch failures in words")
struct FetchFailureTextTests {
    static func cache(_ scratch: TemporaryDirectory) -> ImageCache {
        var logger = Logger(label: "test.fetchfailure")
        logger.logLevel = .error
        return ImageCache(directory: scratch.file("cache"), logger: logger)
    }

    static func message(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("URL error codes become phrases")
    func phrases() throws {
        let url = try #require(URL(string: "https://mirror.example/images/d.qcow2"))
        #expect(FetchFailureText.unreachable(url, URLError(.cannotFindHost)).english == "cannot reach https://mirror.example/images/d.qcow2: host not found")
        #expect(FetchFailureText.unreachable(url, URLError(.cannotConnectToHost)).english.hasSuffix(": connection refused"))
        #expect(FetchFailureText.unreachable(url, URLError(.timedOut)).english.hasSuffix(": timed out"))
        #expect(FetchFailureText.httpStatus(url, 404).english == "https://mirror.example/images/d.qcow2: HTTP 404 Not Found")
        #expect(FetchFailureText.httpStatus(url, 599).english == "https://mirror.example/images/d.qcow2: HTTP 599")
    }

    @Test("a closed port is 'connection refused', for checksum files and images, with credentials redacted")
    func connectionRefused() async throws {
        let scratch = try TemporaryDirectory("fetchfailure")
        defer { scratch.remove() }
        let port = try FreePort.find()
        let cache = Self.cache(scratch)
        let sums = try #require(URL(string: "http://mirror:s3cret@127.0.0.1:\(port)/SUMS"))
        let image = try #require(URL(string: "http://mirror:s3cret@127.0.0.1:\(port)/d.qcow2"))

        let checksum = await Self.message { _ = try await cache.fetch(ImageSource(url: image, checksum: .checksumURL(sums))) }
        #expect(checksum == "cannot reach http://***@127.0.0.1:\(port)/SUMS: connection refused")

        let digest = Digest.of(Data("x".utf8), algorithm: .sha256)
        let download = await Self.message { _ = try await cache.fetch(ImageSource(url: image, checksum: .digest(digest))) }
        #expect(download == "cannot reach http://***@127.0.0.1:\(port)/d.qcow2: connection refused")
        for text in [checksum, download] {
            #expect(text?.contains("s3cret") == false)
            #expect(text?.contains("Error Domain") == false)
        }
    }

    @Test("a missing file is 'HTTP 404 Not Found', for checksum files and images")
    func notFound() async throws {
        let scratch = try TemporaryDirectory("fetchfailure")
        defer { scratch.remove() }
        let served = scratch.file("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        let server = try await TestHTTPServer.start(serving: served, scratch: scratch)
        let cache = Self.cache(scratch)
        let checksum = await Self.message {
            _ = try await cache.fetch(ImageSource(url: server.url("d.qcow2"), checksum: .checksumURL(server.url("SUMS"))))
        }
        let digest = Digest.of(Data("x".utf8), algorithm: .sha256)
        let download = await Self.message {
            _ = try await cache.fetch(ImageSource(url: server.url("d.qcow2"), checksum: .digest(digest)))
        }
        await server.stop()
        #expect(checksum == "\(server.url("SUMS").absoluteString): HTTP 404 Not Found")
        #expect(download == "\(server.url("d.qcow2").absoluteString): HTTP 404 Not Found")
    }
}
