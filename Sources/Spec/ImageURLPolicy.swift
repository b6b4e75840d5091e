import Foundation
import HostCommands

/// Where reconcile may download an image, kernel, initrd or checksum file from. What is fetched must be
/// verifiable: https, or an inline checksum; plain http only from this machine (loopback) or when a
/// Distribution opts in with `cloudImage.allowHTTP: true`, which plans then point out; `file://`
/// only with an inline checksum, since no checksum file can vouch for a local file.
enum ImageURLPolicy {
    enum Role {
        /// The image, kernel or initrd itself.
        case download
        case checksumFile
    }

    static func problem(_ url: String, role: Role, inlineChecksum: Bool, allowHTTP: Bool) -> String? {
        let shown = url.redactingURLCredentials
        guard url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            return "'\(shown)' must be ASCII without spaces (percent-encode anything else)"
        }
        guard let separator = url.range(of: "://"), let components = URLComponents(string: url) else {
            return "'\(shown)' is not a URL"
        }
        let scheme = url[..<separator.lowerBound].lowercased()
        let host = components.host ?? ""
        switch scheme {
        case "https":
            return host.isEmpty ? "'\(shown)' names no host" : nil
        case "http":
            if host.isEmpty { return "'\(shown)' names no host" }
            if allowHTTP || isLoopback(host) || (role == .download && inlineChecksum) { return nil }
            return role == .download
                ? "'\(shown)' is plain http, which anyone on the way can alter: use https, give an inline checksum, or set cloudImage.allowHTTP: true"
                : "the checksum file '\(shown)' is plain http, which anyone on the way can alter: use https, give the checksum inline, or set cloudImage.allowHTTP: true"
        case "file":
            guard role == .download else {
                return "a checksum file must come from an https:// URL; for a local file give checksum: sha256:HEX inline"
            }
            guard inlineChecksum else {
                return "'\(shown)' is a local file: give its checksum inline (checksum: sha256:HEX), since no checksum file can vouch for it"
            }
            guard host.isEmpty || host == "localhost", components.path.hasPrefix("/"),
                  !components.path.split(separator: "/").contains("..") else {
                return "'\(shown)' must name an absolute path on this machine (file:///path)"
            }
            return nil
        default:
            return role == .download
                ? "'\(shown)' must be an https:// URL (http:// only with an inline checksum or allowHTTP; file:// only with an inline checksum)"
                : "the checksum file '\(shown)' must be an https:// URL"
        }
    }

    /// 127.0.0.0/8, ::1 and localhost: a download that never leaves this machine.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" || bare == "::1" { return true }
        guard let address = IPv4Address(bare) else { return false }
        return address.value >> 24 == 127
    }
}
