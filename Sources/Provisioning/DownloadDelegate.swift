import Foundation
import Localization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Streams one HTTP response body into a file while hashing it.
///
/// URLSession calls the delegate on its own queue; the lock makes the state safe
/// to touch from there and from the cancellation handler.
final class DownloadDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Outcome: Sendable {
        case completed(digest: Digest, bytes: Int64)
        /// 416: the partial file does not fit the resource any more; start over.
        case rangeNotSatisfiable
    }

    private let lock = NSLock()
    private let url: URL
    private let fileURL: URL
    private let resumeOffset: Int64
    private let progress: ProgressHandler?
    private var hasher: StreamingHasher
    private var handle: FileHandle?
    private var bytesDone: Int64 = 0
    private var totalBytes: Int64?
    private var failure: ProvisioningError?
    private var sawRangeNotSatisfiable = false
    private var continuation: CheckedContinuation<Outcome, any Error>?

    /// `hasher` must already contain the first `resumeOffset` bytes of `fileURL`.
    init(url: URL, fileURL: URL, resumeOffset: Int64, hasher: StreamingHasher, progress: ProgressHandler?) {
        self.url = url
        self.fileURL = fileURL
        self.resumeOffset = resumeOffset
        self.hasher = hasher
        self.progress = progress
    }

    func setContinuation(_ continuation: CheckedContinuation<Outcome, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let disposition: URLSession.ResponseDisposition = lock.withLock {
            guard let http = response as? HTTPURLResponse else {
                failure = ProvisioningError(.downloadFailed, .verbatim("\(FetchFailureText.display(url)): ") + LocalizedMessage("provisioning.notHTTPResponse"))
                return .cancel
            }
            let length = response.expectedContentLength >= 0 ? response.expectedContentLength : nil
            do {
                switch http.statusCode {
                case 206 where resumeOffset > 0:
                    guard Self.contentRangeStart(http) == resumeOffset else {
                        failure = ProvisioningError(
                            .downloadFailed,
                            "\(FetchFailureText.display(url)): asked for bytes from \(resumeOffset), server answered Content-Range '\(http.value(forHTTPHeaderField: "Content-Range") ?? "none")'"
                        )
                        return .cancel
                    }
                    let fileHandle = try FileHandle(forWritingTo: fileURL)
                    try fileHandle.seek(toOffset: UInt64(resumeOffset))
                    try fileHandle.truncate(atOffset: UInt64(resumeOffset))
                    handle = fileHandle
                    bytesDone = resumeOffset
                    totalBytes = length.map { $0 + resumeOffset }
                case 200:
                    // Either a fresh download or a server that ignores Range: restart from zero.
                    _ = FileManager.default.createFile(atPath: fileURL.path, contents: nil)
                    let fileHandle = try FileHandle(forWritingTo: fileURL)
                    try fileHandle.truncate(atOffset: 0)
                    handle = fileHandle
                    hasher = StreamingHasher(algorithm: hasher.algorithm)
                    bytesDone = 0
                    totalBytes = length
                case 416 where resumeOffset > 0:
                    sawRangeNotSatisfiable = true
                    return .cancel
                default:
                    failure = ProvisioningError(.downloadFailed, FetchFailureText.httpStatus(url, http.statusCode))
                    return .cancel
                }
            } catch {
                failure = ProvisioningError(.downloadFailed, .verbatim("\(FetchFailureText.display(url)): ")
                    + LocalizedMessage("provisioning.cannotWrite", ["path": fileURL.path, "detail": "\(error)"]))
                return .cancel
            }
            return .allow
        }
        if disposition == .allow {
            let report = lock.withLock { DownloadProgress(bytesDone: bytesDone, totalBytes: totalBytes) }
            progress?(report)
        }
        completionHandler(disposition)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let report: DownloadProgress? = lock.withLock {
            guard failure == nil, let handle else { return nil }
            do {
                try handle.write(contentsOf: data)
            } catch {
                failure = ProvisioningError(.downloadFailed, .verbatim("\(FetchFailureText.display(url)): ")
                    + LocalizedMessage("provisioning.cannotWrite", ["path": fileURL.path, "detail": "\(error)"]))
                dataTask.cancel()
                return nil
            }
            hasher.update(data)
            bytesDone += Int64(data.count)
            return DownloadProgress(bytesDone: bytesDone, totalBytes: totalBytes)
        }
        if let report { progress?(report) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, result): (CheckedContinuation<Outcome, any Error>?, Result<Outcome, any Error>) = lock.withLock {
            try? handle?.close()
            handle = nil
            let result: Result<Outcome, any Error>
            if sawRangeNotSatisfiable {
                result = .success(.rangeNotSatisfiable)
            } else if let failure {
                result = .failure(failure)
            } else if let error {
                result = .failure(ProvisioningError(.downloadFailed, FetchFailureText.unreachable(url, error)))
            } else if let totalBytes, totalBytes != bytesDone {
                result = .failure(ProvisioningError(.downloadFailed, .verbatim("\(FetchFailureText.display(url)): ")
                    + LocalizedMessage("provisioning.connectionClosedEarly", ["done": String(bytesDone), "total": String(totalBytes)])))
            } else {
                result = .success(.completed(digest: hasher.finalize(), bytes: bytesDone))
            }
            let continuation = self.continuation
            self.continuation = nil
            return (continuation, result)
        }
        continuation?.resume(with: result)
    }

    /// The first byte of `Content-Range: bytes START-END/TOTAL`.
    private static func contentRangeStart(_ response: HTTPURLResponse) -> Int64? {
        guard let value = response.value(forHTTPHeaderField: "Content-Range") else { return nil }
        let afterUnit = value.split(separator: " ", maxSplits: 1).last ?? ""
        guard let start = afterUnit.split(separator: "-", maxSplits: 1).first else { return nil }
        return Int64(start)
    }
}
