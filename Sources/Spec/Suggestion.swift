import Localization

/// "Did you mean" hints for misspelt field names and values.
enum Suggestion {
    /// ` (did you mean 'name'?)`, to follow a message; nil when no candidate is close.
    static func didYouMean(_ word: String, among candidates: [String]) -> LocalizedMessage? {
        let scored = candidates
            .map { (candidate: $0, distance: editDistance(word.lowercased(), $0.lowercased())) }
            .filter { $0.distance <= max(2, $0.candidate.count / 3) }
            .min { $0.distance < $1.distance }
        guard let best = scored else { return nil }
        return LocalizedMessage("spec.didYouMean", ["candidate": best.candidate])
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
