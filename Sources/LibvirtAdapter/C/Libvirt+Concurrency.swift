import Foundation

extension Libvirt {
    /// How many calls one observation keeps in flight on a connection. libvirt connections are
    /// thread-safe and the remote protocol pipelines calls, so over a slow link this divides the
    /// wait. libvirtd serves at most `max_client_requests` (5 by default) calls of one client at a
    /// time; the rest wait in the socket, which costs nothing, so the width is not tuned to it.
    static let observationWidth = 8

    /// `body` for every item, from `width` threads at once (item i on thread i mod width), results
    /// in the order of `items`. The first error thrown is rethrown.
    static func concurrentMap<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int = observationWidth, _ body: @escaping @Sendable (Item) throws -> Result
    ) async throws -> [Result] {
        let width = min(max(1, width), items.count)
        guard width > 0 else { return [] }
        return try await withThrowingTaskGroup(of: [(Int, Result)].self) { group in
            for stripe in 0..<width {
                group.addTask {
                    try await onOwnThread {
                        try stride(from: stripe, to: items.count, by: width).map { index in (index, try body(items[index])) }
                    }
                }
            }
            var results = [Result?](repeating: nil, count: items.count)
            for try await part in group {
                for (index, result) in part { results[index] = result }
            }
            return results.compactMap { $0 }
        }
    }

    /// `body` on a thread of its own. Each stripe blocks on round trips for its whole run, and
    /// libdispatch on Linux adds threads to a blocked pool only slowly, so on the shared queue the
    /// stripes would wait for threads rather than for the host.
    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
