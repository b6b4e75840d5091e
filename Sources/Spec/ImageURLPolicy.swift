import Foundation
import HostCommands
import Localization

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

    static func problem(_ url: String, role: Role, inlineChecksum: Bool, allowHTTP: Bool) -> LocalizedMessage? {
        let shown = url.redactingURLCredentials
        guard url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            return LocalizedMessage("spec.urlNotASCII", ["url": shown])
        }
        guard let separator = url.range(of: "://"), let components = URLComponents(string: url) else {
            return LocalizedMessage("spec.urlInvalid", ["url": shown])
        }
        let scheme = url[..<separator.lowerBound].lowercased()
        let host = components.host ?? ""
        switch scheme {
        case "https":
            return host.isEmpty ? LocalizedMessage("spec.urlNoHost", ["url": shown]) : nil
        case "http":
            if host.isEmpty { return LocalizedMessage("spec.urlNoHost", ["url": shown]) }
            if allowHTTP || isLoopback(host) || (role == .download && inlineChecksum) { return nil }
            return role == .download
                ? LocalizedMessage("spec.urlPlainHTTP", ["url": shown])
                : LocalizedMessage("spec.urlChecksumPlainHTTP", ["url": shown])
        case "file":
            guard role == .download else {
                return LocalizedMessage("spec.urlChecksumFileLocal")
            }
            guard inlineChecksum else {
                return LocalizedMessage("spec.urlLocalFileNeedsChecksum", ["url": shown])
            }
            guard host.isEmpty || host == "localhost", components.path.hasPrefix("/"),
                  !components.path.split(separator: "/").contains("..") else {
                return LocalizedMessage("spec.urlFileNotAbsolute", ["url": shown])
            }
            return nil
        default:
            return role == .download
                ? LocalizedMessage("spec.urlUnsupportedScheme", ["url": shown])
                : LocalizedMessage("spec.urlChecksumUnsupportedScheme", ["url": shown])
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
