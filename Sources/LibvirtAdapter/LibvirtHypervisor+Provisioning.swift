import CLibvirt
import Foundation
import Localization
import Reconciler

extension LibvirtHypervisor {
    public func uploadVolume(_ definition: VolumeDefinition, from file: URL,
                             progress: @escaping @Sendable (UInt64, UInt64) -> Void) async throws {
        let xml = StorageXML.render(definition)
        try await Libvirt.blocking { [connection] in
            let pool = try Self.require(try connection.pool(named: definition.pool), "storage pool", definition.pool)
            if try pool.volume(named: definition.name) != nil { return }
            let volume = try pool.createVolume(xml: xml)
            do {
                try volume.upload(from: file, length: definition.capacity, connection: connection) { sent in
                    progress(sent, definition.capacity)
                }
            } catch {
                // A half-written base image must never look like a finished one.
                try? volume.delete()
                throw error
            }
            try? pool.refresh()
        }
    }

    /// Leases come with their expiry from the networks' lease lists; the guest agent and ARP are asked
    /// too. What each source said is kept for the timeout message.
    public func guestAddresses(domain name: String) async throws -> GuestAddressReport {
        try await Libvirt.blocking { [connection] in
            guard let domain = try connection.domain(named: name) else {
                throw LibvirtAdapterError(LocalizedMessage("adapter.vm.missing", ["vm": name]))
            }
            guard try domain.isActive() else {
                throw LibvirtAdapterError(LocalizedMessage("adapter.vm.noAddress", ["vm": name]))
            }
            let observed = try DomainXML.parse(try domain.xml(inactive: false), state: .running, autostart: false, persistent: true)
            let macs = Set(observed.interfaces.compactMap(\.mac))
            var addresses: [GuestAddress] = []
            var notes: [GuestAddress.Source: String] = [:]

            var leases: [GuestAddress] = []
            do {
                for networkName in Set(observed.interfaces.filter { $0.type == "network" }.compactMap(\.source)) {
                    guard let network = try connection.network(named: networkName) else { continue }
                    for lease in try network.dhcpLeases() where macs.contains(lease.mac) {
                        leases.append(GuestAddress(mac: lease.mac, address: lease.address, source: .lease, expiry: lease.expiry))
                    }
                }
                notes[.lease] = leases.isEmpty ? "no lease yet for \(macs.sorted().joined(separator: ", "))"
                    : leases.map { "\($0.address) (\($0.mac))" }.joined(separator: ", ")
            } catch {
                // A driver without lease support (the test driver) still has the agent and ARP to ask.
                notes[.lease] = (error as? LibvirtError)?.message ?? "\(error)"
            }
            addresses += leases

            for (source, kind) in [(VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, GuestAddress.Source.agent),
                                   (VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP, .arp)] {
                do {
                    let found = try domain.interfaceAddresses(source: source).filter { macs.contains($0.mac) }
                    addresses += found.map { GuestAddress(mac: $0.mac, address: $0.address, source: kind) }
                    notes[kind] = found.isEmpty ? "nothing" : found.map(\.address).joined(separator: ", ")
                } catch {
                    notes[kind] = (error as? LibvirtError)?.message ?? "\(error)"
                }
            }
            return GuestAddressReport(addresses: addresses, sourceNotes: notes)
        }
    }

    public func recordOwnership(_ ownership: Ownership, onDomain name: String) async throws {
        try await Libvirt.blocking { [connection] in
            let domain = try Self.require(try connection.domain(named: name), "virtual machine", name)
            var ownership = ownership
            ownership.uuid = try domain.uuid()
            // The snapshot steps alone keep that list; a definition's record must not forget one.
            ownership.snapshots = try Self.recordedOwnership(of: domain)?.snapshots
            let xml = OwnershipXML.bareElement(ownership)
            try domain.setMetadata(xml: xml, key: OwnershipXML.prefix, uri: OwnershipXML.namespace, live: try domain.isActive())
        }
    }
}
