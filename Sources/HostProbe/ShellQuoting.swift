/// POSIX shell quoting for commands that ssh hands to the remote shell.
enum ShellQuoting {
    static let safeCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")

    static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ safeCharacters.contains($0) }) { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    static func join(_ argv: [String]) -> String {
        argv.map(quote).joined(separator: " ")
    }
}
