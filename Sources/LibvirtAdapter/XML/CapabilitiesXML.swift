import Foundation
import Reconciler

enum CapabilitiesXML {
    /// The host's architecture and the domain types libvirt offers for it.
    static func parse(_ text: String) throws -> HostCapabilities {
        let root = try ParsedXML(text, what: "capabilities").root
        let hostArch = root.at("host", "cpu", "arch")?.text ?? "x86_64"
        let guests = root.children("guest")
        let native = guests.filter { $0.child("arch")?.attribute("name") == hostArch }
        let candidates = native.isEmpty ? guests : native
        var types: [String] = []
        for guest in candidates {
            for domain in guest.child("arch")?.children("domain") ?? [] {
                if let type = domain.attribute("type"), !types.contains(type) { types.append(type) }
            }
        }
        return HostCapabilities(domainTypes: types, arch: hostArch)
    }
}
