import Foundation
import HostCommands
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Network and HTTP failures worded for a person (`cannot reach URL: host not found`,
/// `URL: HTTP 404 Not Found`), never Foundation's `Error Domain=NSURLErrorDomain …` dump, and with
/// any credentials in the URL redacted.
enum FetchFailureText {
    static func display(_ url: URL) -> String {
        url.absoluteString.redactingURLCredentials
    }

    /// Why a request did not get an answer.
    static func unreachable(_ url: URL, _ error: any Error) -> String {
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else {
            return "cannot reach \(display(url)): \(error.localizedDescription)"
        }
        let reason = URLError.Code(rawValue: nsError.code).map(reason) ?? "network error \(nsError.code)"
        return "cannot reach \(display(url)): \(reason)"
    }

    /// An answer other than the one expected: `HTTP 404 Not Found`.
    static func httpStatus(_ url: URL, _ status: Int) -> String {
        let phrase = reasonPhrases[status].map { " \($0)" } ?? ""
        return "\(display(url)): HTTP \(status)\(phrase)"
    }

    static func reason(_ code: URLError.Code) -> String {
        switch code {
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .cannotConnectToHost: "connection refused"
        case .timedOut: "timed out"
        case .networkConnectionLost: "the connection was lost"
        case .notConnectedToInternet: "no network connection"
        case .secureConnectionFailed: "the TLS handshake failed"
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateHasUnknownRoot,
             .serverCertificateNotYetValid, .clientCertificateRejected, .clientCertificateRequired:
            "the server's TLS certificate is not accepted"
        case .badURL: "the URL is malformed"
        case .unsupportedURL: "the URL's scheme is not supported (use http or https)"
        case .httpTooManyRedirects, .redirectToNonExistentLocation: "too many redirects"
        case .badServerResponse, .cannotParseResponse: "the server's answer is not valid HTTP"
        case .userAuthenticationRequired, .userCancelledAuthentication: "the server asks for credentials"
        case .zeroByteResource: "the server sent nothing"
        case .fileDoesNotExist: "no such file"
        case .noPermissionsToReadFile: "permission denied"
        case .cancelled: "cancelled"
        default: "network error \(code.rawValue)"
        }
    }

    /// The reason phrases of the statuses an image server plausibly answers.
    static let reasonPhrases: [Int: String] = [
        301: "Moved Permanently", 302: "Found", 304: "Not Modified",
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        408: "Request Timeout", 410: "Gone", 416: "Range Not Satisfiable", 429: "Too Many Requests",
        500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]
}
