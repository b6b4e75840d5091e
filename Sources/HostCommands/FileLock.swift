import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock(2)` on a file, held until `release()` or until the object is gone. The kernel
/// drops it when the process dies, even by SIGKILL, so a crashed run never leaves it held.
public final class FileLock: Sendable {
    public let path: String
    /// -1 once released.
    private let descriptor: Mutex<Int32>

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    deinit {
        release()
    }

    /// Takes the lock if nobody holds it; nil when another process (or another `FileLock` in this
    /// one) does. The file and its directory are created when missing.
    public static func tryAcquire(path: String) throws -> FileLock? {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw FileLockError(path: path, reason: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            return FileLock(path: path, descriptor: descriptor)
        }
        let failure = errno
        close(descriptor)
        guard failure == EWOULDBLOCK else {
            throw FileLockError(path: path, reason: String(cString: strerror(failure)))
        }
        return nil
    }

    /// Waits for the lock, polling so no thread of the cooperative pool blocks in `flock`; nil when
    /// `timeout` passed first (a zero timeout tries once).
    public static func acquire(path: String, timeout: Duration, poll: Duration = .milliseconds(200)) async throws -> FileLock? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let lock = try tryAcquire(path: path) { return lock }
            if clock.now >= deadline { return nil }
            try await Task.sleep(for: min(poll, deadline - clock.now))
        }
    }

    /// Replaces the file's content, so whoever finds it held can read who holds it.
    public func describeHolder(_ text: String) {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            _ = ftruncate(descriptor, 0)
            _ = text.withCString { pointer in pwrite(descriptor, pointer, strlen(pointer), 0) }
        }
    }

    /// What the holder wrote with `describeHolder`, read without taking the lock.
    public static func holderDescription(path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    public func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            _ = ftruncate(descriptor, 0)
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }
}
