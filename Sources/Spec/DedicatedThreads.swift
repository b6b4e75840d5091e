import Foundation

/// Runs CPU-bound work on threads of its own rather than on libdispatch's shared pool.
///
/// `DispatchQueue.concurrentPerform` takes every pool thread (as many as cores) until it is done.
/// Swift's tasks and libvirt's blocking calls resume on that same pool, so a host read started while
/// the manifests load (`plan` reads a local host meanwhile) stalled at each step until parsing ended.
enum DedicatedThreads {
    /// Calls `body` for every index in `0..<count`, on up to one thread per core (the calling thread is
    /// one of them), and returns when all calls have returned.
    static func forEach(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let width = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard width > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let finished = DispatchGroup()
        for stripe in 1..<width {
            finished.enter()
            Thread {
                for index in stride(from: stripe, to: count, by: width) { body(index) }
                finished.leave()
            }.start()
        }
        for index in stride(from: 0, to: count, by: width) { body(index) }
        finished.wait()
    }
}
