/// URLs as they may be shown: `https://user:password@host/…` carries a secret, so any user
/// information becomes `***` before a URL reaches a plan, a log or an error message.
public enum URLRedaction {
    /// `url` with the user information of its authority replaced by `***`; other text is returned
    /// unchanged, so a malformed URL is still shown as written.
    public static func redact(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let authorityStart = scheme.upperBound
        let authorityEnd = url[authorityStart...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        guard let at = url[authorityStart..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<authorityStart]) + "***" + String(url[at...])
    }
}
