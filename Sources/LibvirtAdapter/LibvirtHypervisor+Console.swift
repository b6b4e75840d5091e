import Foundation
import Localization
import Reconciler

extension LibvirtHypervisor {
    /// Where a guest's VNC display listens, from its live definition (the port is chosen at start).
    public struct VNCDisplay: Sendable, Hashable {
        public var listen: String
        public var port: Int
    }

    /// Opens the guest's serial console; `force` takes it over from another client.
    public func openConsole(domain name: String, force: Bool) async throws -> ConsoleStream {
        let connection = self.connection
        return try await Libvirt.blocking {
            guard let domain = try connection.domain(named: name), try domain.isActive() else {
                throw LibvirtAdapterError(LocalizedMessage("adapter.vm.noConsole", ["vm": name]))
            }
            return try ConsoleStream(connection: connection, domain: domain, force: force)
        }
    }

    /// The guest's consoles as its live definition has them: whether it has a serial console, and its
    /// VNC display (nil without one, or before it runs).
    public func consoles(domain name: String) async throws -> (serial: Bool, vnc: VNCDisplay?) {
        let connection = self.connection
        let xml: String = try await Libvirt.blocking {
            guard let domain = try connection.domain(named: name) else {
                throw LibvirtAdapterError(LocalizedMessage("adapter.vm.notOn", ["vm": name, "uri": connection.uri]))
            }
            return try domain.xml(inactive: false)
        }
        let devices = try ParsedXML(xml, what: "domain").root.child("devices")
        let serial = !(devices?.children("console") ?? []).isEmpty || !(devices?.children("serial") ?? []).isEmpty
        let vnc = (devices?.children("graphics") ?? []).first { $0.attribute("type") == "vnc" }.flatMap { graphics -> VNCDisplay? in
            guard let port = graphics.attribute("port").flatMap(Int.init), port > 0 else { return nil }
            return VNCDisplay(listen: graphics.attribute("listen") ?? "127.0.0.1", port: port)
        }
        return (serial, vnc)
    }
}
