/// POSIX shell quoting for words handed to a remote shell (ssh runs its command through the login
/// shell: sh, ash or bash). The one quoter of reconcile, so that what a plan shows is what runs.
public enum ShellQuote {
    /// Words made only of these need no quotes in any POSIX shell.
    static let safeCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")

    /// `word` as one shell word: unchanged when it is plainly safe, else in single quotes.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ safeCharacters.contains($0) }) { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// A command line that the shell splits back into exactly `argv`.
    public static func join(_ argv: [String]) -> String {
        argv.enumerated().map { index, word in
            // A first word holding '=' would be read as a variable assignment, not as the program.
            index == 0 && word.contains("=") ? "'\(word)'" : quote(word)
        }.joined(separator: " ")
    }
}
