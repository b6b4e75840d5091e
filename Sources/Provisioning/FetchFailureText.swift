import Foundation
import HostCommands
import Localization
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
    static func unreachable(_ url: URL, _ error: any Error) -> LocalizedText {
        let nsError = error as NSError
        let reason = nsError.domain == NSURLErrorDomain
            ? URLError.Code(rawValue: nsError.code).map(reason) ?? LocalizedMessage("provisioning.networkError", ["code": String(nsError.code)])
            // Foundation's own words for errors outside URL loading.
            : .verbatim(error.localizedDescription)
        return LocalizedText(LocalizedMessage("provisioning.cannotReach", ["url": display(url)]), nested: ["reason": reason])
    }

    /// An answer other than the one expected: `HTTP 404 Not Found`.
    /// The status line stays as HTTP words it, in every language.
    static func httpStatus(_ url: URL, _ status: Int) -> LocalizedText {
        let phrase = reasonPhrases[status].map { " \($0)" } ?? ""
        return .verbatim("\(display(url)): HTTP \(status)\(phrase)")
    }

    static func reason(_ code: URLError.Code) -> LocalizedMessage {
        switch code {
        case .cannotFindHost, .dnsLookupFailed: LocalizedMessage("provisioning.reasonHostNotFound")
        case .cannotConnectToHost: LocalizedMessage("provisioning.reasonConnectionRefused")
        case .timedOut: LocalizedMessage("provisioning.reasonTimedOut")
        case .networkConnectionLost: LocalizedMessage("provisioning.reasonConnectionLost")
        case .notConnectedToInternet: LocalizedMessage("provisioning.reasonNoNetwork")
        case .secureConnectionFailed: LocalizedMessage("provisioning.reasonTLSHandshake")
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateHasUnknownRoot,
             .serverCertificateNotYetValid, .clientCertificateRejected, .clientCertificateRequired:
            LocalizedMessage("provisioning.reasonTLSCertificate")
        case .badURL: LocalizedMessage("provisioning.reasonBadURL")
        case .unsupportedURL: LocalizedMessage("provisioning.reasonUnsupportedURL")
        case .httpTooManyRedirects, .redirectToNonExistentLocation: LocalizedMessage("provisioning.reasonTooManyRedirects")
        case .badServerResponse, .cannotParseResponse: LocalizedMessage("provisioning.reasonBadResponse")
        case .userAuthenticationRequired, .userCancelledAuthentication: LocalizedMessage("provisioning.reasonCredentials")
        case .zeroByteResource: LocalizedMessage("provisioning.reasonEmptyResponse")
        case .fileDoesNotExist: LocalizedMessage("provisioning.reasonNoSuchFile")
        case .noPermissionsToReadFile: LocalizedMessage("provisioning.reasonPermissionDenied")
        case .cancelled: LocalizedMessage("provisioning.reasonCancelled")
        default: LocalizedMessage("provisioning.networkError", ["code": String(code.rawValue)])
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
