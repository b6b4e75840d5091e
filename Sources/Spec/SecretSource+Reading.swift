import Foundation
import Localization

extension SecretSource {
    /// A secret file is a few hundred bytes at most; reading stops here so a wrong path such as a
    /// device or a log file cannot exhaust memory.
    static let maximumFileSize = 4096

    /// The password hash this source names, checked to be one crypt(3) line: a shadow file with
    /// several entries, or a password in the clear, is refused without being shown.
    public func passwordHash(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SecretReadError) -> String {
        let origin: LocalizedMessage
        let text: String
        switch self {
        case .inline(let hash):
            origin = LocalizedMessage("spec.secretInlinePasswordHash")
            text = hash
        case .file(let path):
            origin = LocalizedMessage("spec.secretPasswordHashFile", ["path": path])
            text = try Self.readSmallFile(path, what: origin)
        case .environment(let name):
            origin = LocalizedMessage("spec.secretEnvironmentVariable", ["name": name])
            guard let value = environment[name], !value.isEmpty else {
                throw SecretReadError(.unavailable, DiagnosticText(LocalizedMessage("spec.secretHashNotSet"), nested: ["what": origin]))
            }
            text = value
        }
        let line = try Self.singleLine(text, what: origin)
        guard CryptHash.isValid(line) else {
            throw SecretReadError(.malformed, DiagnosticText(LocalizedMessage("spec.secretNotCryptHash"), nested: ["what": origin]))
        }
        return line
    }

    /// Reads at most `maximumFileSize` bytes of a UTF-8 file.
    /// `what` names the file in errors (`the password hash file PATH`).
    public static func readSmallFile(_ path: String, what: LocalizedMessage) throws(SecretReadError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SecretReadError(.unavailable, DiagnosticText(LocalizedMessage("spec.secretCannotRead"), nested: ["what": what]))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw SecretReadError(.unavailable, DiagnosticText(LocalizedMessage("spec.secretCannotRead"), nested: ["what": what]))
        }
        guard data.count <= maximumFileSize else {
            throw SecretReadError(.malformed, DiagnosticText(LocalizedMessage("spec.secretTooLarge", ["maximum": String(maximumFileSize)]),
                                                             nested: ["what": what]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SecretReadError(.malformed, DiagnosticText(LocalizedMessage("spec.secretNotUTF8"), nested: ["what": what]))
        }
        return text
    }

    /// The one line `text` holds, without its line ending and surrounding blanks; an error counting the
    /// lines (never showing them) when there are more, or when any holds a control character.
    public static func singleLine(_ text: String, what: LocalizedMessage) throws(SecretReadError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw SecretReadError(.malformed, DiagnosticText(LocalizedMessage("spec.secretEmpty"), nested: ["what": what]))
        }
        let lines = trimmed.split(whereSeparator: \.isNewline).count
        guard lines == 1 else {
            throw SecretReadError(.malformed, DiagnosticText(LocalizedMessage("spec.secretNotOneLine", ["lines": String(lines)]),
                                                             nested: ["what": what]))
        }
        guard UnsafeCharacters.problem(in: trimmed, multiline: false) == nil else {
            throw SecretReadError(.malformed, DiagnosticText(LocalizedMessage("spec.secretControlCharacter"), nested: ["what": what]))
        }
        return trimmed
    }
}
