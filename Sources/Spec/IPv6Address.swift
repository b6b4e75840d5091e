#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// IPv6 literals, checked with the C library's own parser so that what validates is what resolvers accept.
enum IPv6Address {
    static func isValid(_ text: String) -> Bool {
        guard text.contains(":"), text.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == ":" || $0 == ".") }) else {
            return false
        }
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }
}
