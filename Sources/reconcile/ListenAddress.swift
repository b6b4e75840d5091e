import ArgumentParser
import Foundation
import Localization

/// Where `--metrics-addr` and `--serve` listen: `HOST:PORT` with an IPv4 host, `[IPv6]:PORT`, or a
/// bare `PORT` (`:PORT`), which means 127.0.0.1. Only loopback is implied: another interface is used
/// only when its address is written out, since the pages show the fleet's hosts and guests.
struct ListenAddress: Hashable, Sendable, CustomStringConvertible {
    enum Host: Hashable, Sendable {
        case ipv4(String)
        case ipv6(String)
    }

    var host: Host
    var port: UInt16

    var description: String {
        switch host {
        case .ipv4(let address): "\(address):\(port)"
        case .ipv6(let address): "[\(address)]:\(port)"
        }
    }

    var isLoopback: Bool {
        switch host {
        case .ipv4(let address): address.hasPrefix("127.")
        case .ipv6(let address): address == "::1"
        }
    }

    init(host: Host, port: UInt16) {
        self.host = host
        self.port = port
    }

    static func parse(_ text: String) throws(ValidationError) -> ListenAddress {
        let problem = ValidationError(Localizer.current.text("cli.listenAddress", ["text": text]))
        let hostText: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { throw problem }
            hostText = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":") {
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            hostText = ""
            portText = Substring(text)
        }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber),
              let port = UInt16(portText), port > 0 else { throw problem }
        if hostText.isEmpty { return ListenAddress(host: .ipv4("127.0.0.1"), port: port) }
        if text.hasPrefix("[") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, String(hostText), &address) == 1 else { throw problem }
            return ListenAddress(host: .ipv6(String(hostText)), port: port)
        }
        var address = in_addr()
        // inet_pton wants the four dotted decimals, unlike inet_aton's "127.1" or hexadecimal forms.
        guard inet_pton(AF_INET, String(hostText), &address) == 1 else { throw problem }
        return ListenAddress(host: .ipv4(String(hostText)), port: port)
    }
}
