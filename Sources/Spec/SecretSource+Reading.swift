import Foundation

extension SecretSource {
    /// A secret file is a few hundred bytes at most; reading stops here so a wrong path such as a
    /// device or a log file cannot exhaust memory.
    static let maximumFileSize = 4096

    /// The password hash this source names, checked to be one crypt(3) line: a shadow file with
    /// several entries, or a password in the clear, is refused without being shown.
    public func passwordHash(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SecretReadError) -> String {
        let origin: String
        let text: String
        switch self {
        case .inline(let hash):
            origin = "the inline passwordHash"
            text = hash
        case .file(let path):
            origin = "the password hash file \(path)"
            text = try Self.readSmallFile(path, what: origin)
        case .environment(let name):
            origin = "the environment variable \(name)"
            guard let value = environment[name], !value.isEmpty else {
                throw SecretReadError(.unavailable, "\(origin) (a password hash) is not set")
            }
            text = value
        }
        let line = try Self.singleLine(text, what: origin)
        guard CryptHash.isValid(line) else {
            throw SecretReadError(.malformed, "\(origin) does not hold a crypt(3) hash such as $6$... (make one with `mkpasswd -m sha-512`)")
        }
        return line
    }

    /// Reads at most `maximumFileSize` bytes of a UTF-8 file.
    public static func readSmallFile(_ path: String, what: String) throws(SecretReadError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SecretReadError(.unavailable, "cannot read \(what)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw SecretReadError(.unavailable, "cannot read \(what)")
        }
        guard data.count <= maximumFileSize else {
            throw SecretReadError(.malformed, "\(what) is larger than \(maximumFileSize) bytes; it should hold one line")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SecretReadError(.malformed, "\(what) is not UTF-8 text")
        }
        return text
    }

    /// The one line `text` holds, without its line ending and surrounding blanks; an error counting the
    /// lines (never showing them) when there are more, or when any holds a control character.
    public static func singleLine(_ text: String, what: String) throws(SecretReadError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw SecretReadError(.malformed, "\(what) is empty") }
        let lines = trimmed.split(whereSeparator: \.isNewline).count
        guard lines == 1 else {
            throw SecretReadError(.malformed, "\(what) must hold exactly one line, but holds \(lines)")
        }
        guard UnsafeCharacters.problem(in: trimmed, multiline: false) == nil else {
            throw SecretReadError(.malformed, "\(what) holds a control character or tab")
        }
        return trimmed
    }
}
