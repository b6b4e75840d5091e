/// A crypt(3) password hash such as `$6$salt$hash`, `$y$j9T$salt$hash` or `$2b$12$...`: one line of
/// the characters crypt uses. A ':' or line break would end the shadow field it is written into.
public enum CryptHash {
    public static func isValid(_ text: String) -> Bool {
        let fields = text.split(separator: "$", omittingEmptySubsequences: false)
        // "$id$...": an empty field before the first '$', an identifier, then at least salt/hash.
        guard fields.count >= 4, fields[0].isEmpty, !fields[1].isEmpty, fields.last?.isEmpty == false, text.utf8.count <= 512 else {
            return false
        }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "$./=,+-".contains($0)) }
    }
}
