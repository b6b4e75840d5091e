extension StringProtocol {
    /// Trims the given characters from both ends, comparing Unicode scalars so that
    /// "\r\n" (one Swift Character) is trimmed when "\r" and "\n" are listed.
    func trimmed(of characters: String) -> String {
        let set = Set(characters.unicodeScalars)
        let isTrimmed: (Character) -> Bool = { $0.unicodeScalars.allSatisfy(set.contains) }
        let start = firstIndex { !isTrimmed($0) } ?? endIndex
        let end = lastIndex { !isTrimmed($0) }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
