import Foundation
import Reconciler

/// The apply lock over the same libvirt connection as everything else. A network and not a secret:
/// every driver reconcile talks to has networks (the test driver has no secrets), and an inactive
/// network changes nothing on the host. libvirtd refuses to define a second network of the same name
/// with another UUID, so the define is the atomic compare-and-set.
extension LibvirtHypervisor: HostLockStore {
    public func createLock(_ record: HostLockRecord) async throws -> Bool {
        let xml = LockNetworkXML.render(record)
        return try await Libvirt.blocking { [connection] in
            if try connection.network(named: LockNetworkXML.name) != nil { return false }
            do {
                _ = try connection.defineNetwork(xml: xml)
                return true
            } catch {
                // Another process defined it between the lookup and the define.
                if let existing = try connection.network(named: LockNetworkXML.name),
                   try LockNetworkXML.parse(existing.xml(inactive: true)).token != record.token {
                    return false
                }
                throw error
            }
        }
    }

    public func readLock() async throws -> HostLockRecord? {
        try await Libvirt.blocking { [connection] in
            guard let network = try connection.network(named: LockNetworkXML.name) else { return nil }
            return try LockNetworkXML.parse(try network.xml(inactive: true))
        }
    }

    public func renewLock(_ record: HostLockRecord) async throws -> Bool {
        let xml = LockNetworkXML.render(record)
        return try await Libvirt.blocking { [connection] in
            guard let network = try connection.network(named: LockNetworkXML.name),
                  try LockNetworkXML.parse(try network.xml(inactive: true)).token == record.token else { return false }
            // Same name and UUID: libvirt replaces the definition in place.
            _ = try connection.defineNetwork(xml: xml)
            return true
        }
    }

    public func removeLock(token: String) async throws -> Bool {
        try await Libvirt.blocking { [connection] in
            guard let network = try connection.network(named: LockNetworkXML.name),
                  try LockNetworkXML.parse(try network.xml(inactive: true)).token == token else { return false }
            try network.remove()
            return true
        }
    }
}
