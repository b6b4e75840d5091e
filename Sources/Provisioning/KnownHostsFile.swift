import Foundation
import Localization

/// reconcile's own known_hosts file. Keys are pinned from what reconcile generated
/// for the guest, never learned from the network (no trust on first use).
public struct KnownHostsFile: Sendable, Hashable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// How OpenSSH writes a host: bare for port 22, `[host]:port` otherwise.
    public static func hostPattern(host: String, port: Int) -> String {
        port == 22 ? host : "[\(host)]:\(port)"
    }

    /// Writes `pattern KEYTYPE BASE64`, replacing any older entry for the same host and port
    /// (a recreated guest or a reused address must not keep the old key).
    public func pin(host: String, port: Int = 22, publicKey: String) throws {
        let fields = publicKey.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 2, fields[0].hasPrefix("ssh-") || fields[0].hasPrefix("ecdsa-") else {
            throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.notAHostKey", ["host": "\(host):\(port)"]))
        }
        let pattern = Self.hostPattern(host: host, port: port)
        var lines = try existingLines().filter { !Self.line($0, matches: pattern) }
        lines.append("\(pattern) \(fields[0]) \(fields[1])")
        try write(lines)
    }

    /// Drops every entry for the host and port.
    public func remove(host: String, port: Int = 22) throws {
        let pattern = Self.hostPattern(host: host, port: port)
        let lines = try existingLines()
        let kept = lines.filter { !Self.line($0, matches: pattern) }
        if kept.count != lines.count { try write(kept) }
    }

    /// The `KEYTYPE BASE64` keys pinned for the host and port.
    public func keys(host: String, port: Int = 22) throws -> [String] {
        let pattern = Self.hostPattern(host: host, port: port)
        return try existingLines().filter { Self.line($0, matches: pattern) }.map {
            $0.split(separator: " ").dropFirst().prefix(2).joined(separator: " ")
        }
    }

    private static func line(_ line: String, matches pattern: String) -> Bool {
        guard !line.hasPrefix("#"), let first = line.split(separator: " ").first else { return false }
        return first.split(separator: ",").contains { $0 == pattern }
    }

    private func existingLines() throws -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    private func write(_ lines: [String]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written whole and renamed so ssh never reads a half-written file.
        let text = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
