/// Runs work for many items at once, but never more than `limit` at a time, so a fleet of hosts or
/// thousands of objects do not open thousands of requests together.
public enum BoundedConcurrency {
    /// The results in the order of `items`.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async -> Result
    ) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            var results: [Result?] = Array(repeating: nil, count: items.count)
            var next = 0
            for _ in 0..<min(max(1, limit), items.count) {
                let index = next, item = items[index]
                group.addTask { (index, await body(item)) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                guard next < items.count else { continue }
                let queued = next, item = items[queued]
                group.addTask { (queued, await body(item)) }
                next += 1
            }
            return results.compactMap { $0 }
        }
    }
}
