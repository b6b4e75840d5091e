import Foundation

extension URL {
    /// The URL without its `user:password@` part, for logs: image mirrors may need credentials,
    /// and logs must not hold them. (Errors are redacted where they leave the provisioning layer.)
    var redactedForLogs: String {
        guard user != nil || password != nil, var components = URLComponents(url: self, resolvingAgainstBaseURL: false) else {
            return absoluteString
        }
        components.user = nil
        components.password = nil
        return components.string.map { $0.replacingOccurrences(of: "://", with: "://***@", options: [], range: $0.range(of: "://")) } ?? "(URL redacted)"
    }
}
