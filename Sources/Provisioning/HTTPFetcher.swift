import Foundation
import Localization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The HTTP side of the image cache: resumable, hashing file downloads and small
/// text fetches (checksum files).
struct HTTPFetcher: Sendable {
    /// Seconds without any data before a request fails.
    var idleTimeout: TimeInterval = 60

    /// Downloads `url` into `partial`, resuming from the bytes already there.
    /// Returns the digest of the whole file.
    func download(
        _ url: URL,
        into partial: URL,
        algorithm: HashAlgorithm,
        progress: ProgressHandler?
    ) async throws -> (digest: Digest, bytes: Int64) {
        let outcome = try await attempt(url, into: partial, algorithm: algorithm, progress: progress)
        switch outcome {
        case .completed(let digest, let bytes):
            return (digest, bytes)
        case .rangeNotSatisfiable:
            // The partial file is longer than the resource (or the resource changed): start over once.
            try? FileManager.default.removeItem(at: partial)
            let retry = try await attempt(url, into: partial, algorithm: algorithm, progress: progress)
            guard case .completed(let digest, let bytes) = retry else {
                throw ProvisioningError(.downloadFailed, .verbatim("\(FetchFailureText.display(url)): ")
                                        + LocalizedMessage("provisioning.byteRangeRefused"))
            }
            return (digest, bytes)
        }
    }

    private func attempt(
        _ url: URL,
        into partial: URL,
        algorithm: HashAlgorithm,
        progress: ProgressHandler?
    ) async throws -> DownloadDelegate.Outcome {
        var hasher = StreamingHasher(algorithm: algorithm)
        let existing = Self.fileSize(partial)
        if existing > 0 {
            try hasher.update(fileAt: partial)
        }
        var request = URLRequest(url: url)
        if existing > 0 {
            request.setValue("bytes=\(existing)-", forHTTPHeaderField: "Range")
        }
        let delegate = DownloadDelegate(url: url, fileURL: partial, resumeOffset: existing, hasher: hasher, progress: progress)
        let session = URLSession(configuration: configuration(), delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.setContinuation(continuation)
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }

    /// Fetches a small text resource such as a checksum file.
    func text(_ url: URL) async throws -> String {
        let session = URLSession(configuration: configuration())
        defer { session.finishTasksAndInvalidate() }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: URLRequest(url: url))
        } catch {
            throw ProvisioningError(.downloadFailed, FetchFailureText.unreachable(url, error))
        }
        guard let http = response as? HTTPURLResponse else {
            throw ProvisioningError(.downloadFailed, .verbatim("\(FetchFailureText.display(url)): ") + LocalizedMessage("provisioning.notHTTPResponse"))
        }
        guard http.statusCode == 200 else {
            throw ProvisioningError(.downloadFailed, FetchFailureText.httpStatus(url, http.statusCode))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProvisioningError(.downloadFailed, .verbatim("\(FetchFailureText.display(url)): ") + LocalizedMessage("provisioning.checksumFileNotUTF8"))
        }
        return text
    }

    private func configuration() -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = idleTimeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        return configuration
    }

    static func fileSize(_ url: URL) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
