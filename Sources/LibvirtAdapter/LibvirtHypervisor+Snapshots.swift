import CLibvirt
import Foundation
import Localization
import Reconciler

extension LibvirtHypervisor {
    static func snapshots(of domain: DomainHandle) throws -> [ObservedSnapshot] {
        try domain.allSnapshots().map { snapshot in
            try SnapshotXML.parse(try snapshot.xml(), isCurrent: try snapshot.isCurrent())
        }.sorted { $0.name < $1.name }
    }

    /// reconcile's record as the persistent definition holds it now.
    static func recordedOwnership(of domain: DomainHandle) throws -> Ownership? {
        try DomainXML.parse(try domain.xml(inactive: true), state: .other, autostart: false, persistent: true).ownership
    }

    /// Rewrites the list of snapshots in reconcile's record; the rest of the record stays as it is.
    static func editSnapshotRecord(of domain: DomainHandle, named name: String, _ edit: (inout [String]) -> Void) throws {
        guard var ownership = try recordedOwnership(of: domain) else {
            throw LibvirtAdapterError(LocalizedMessage("adapter.snapshot.unmanagedVM", ["vm": name]))
        }
        var snapshots = ownership.snapshots ?? []
        edit(&snapshots)
        ownership.snapshots = snapshots.isEmpty ? nil : snapshots
        try domain.setMetadata(xml: OwnershipXML.bareElement(ownership), key: OwnershipXML.prefix,
                               uri: OwnershipXML.namespace, live: try domain.isActive())
    }

    public func createSnapshot(_ definition: SnapshotDefinition) async throws -> LocalizedText? {
        try await Libvirt.blocking { [connection] in
            let domain = try Self.require(try connection.domain(named: definition.domain), "virtual machine", definition.domain)
            let recorded = try Self.recordedOwnership(of: domain)?.snapshots ?? []
            if try domain.snapshot(named: definition.name) != nil {
                guard recorded.contains(definition.name) else {
                    throw LibvirtAdapterError(LocalizedMessage("adapter.snapshot.foreignSincePlan", ["vm": definition.domain, "snapshot": definition.name]))
                }
                return nil
            }
            // Recorded first: a run killed before the snapshot exists finds it recorded but missing and makes it.
            try Self.editSnapshotRecord(of: domain, named: definition.domain) { names in
                if !names.contains(definition.name) { names.append(definition.name) }
            }
            let xml = SnapshotXML.render(definition)
            guard definition.kind == .externalDiskOnly else {
                _ = try domain.createSnapshot(xml: xml, flags: 0)
                return nil
            }
            let flags = UInt32(VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY.rawValue) | UInt32(VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC.rawValue)
            // QEMU writes the overlay files itself: the pools list them as volumes (which a deleted VM's
            // disks take with them) once refreshed.
            defer { Self.refreshActivePools(on: connection) }
            guard try domain.isActive() else {
                _ = try domain.createSnapshot(xml: xml, flags: flags)
                return nil
            }
            guard try DomainXML.hasGuestAgentChannel(try domain.xml(inactive: false)) else {
                _ = try domain.createSnapshot(xml: xml, flags: flags)
                return LocalizedText(LocalizedMessage("adapter.snapshot.noAgentChannel"))
            }
            do {
                _ = try domain.createSnapshot(xml: xml, flags: flags | UInt32(VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE.rawValue))
                return LocalizedText(LocalizedMessage("adapter.snapshot.quiesced"))
            } catch {
                // An agent that is not (yet) running in the guest: the snapshot is still crash-consistent.
                _ = try domain.createSnapshot(xml: xml, flags: flags)
                return LocalizedText(LocalizedMessage("adapter.snapshot.notQuiesced"), nested: ["detail": LibvirtError.message(for: error)])
            }
        }
    }

    public func deleteSnapshot(named name: String, ofDomain domainName: String) async throws -> LocalizedText? {
        try await Libvirt.blocking { [connection] () throws -> LocalizedText? in
            guard let domain = try connection.domain(named: domainName) else { return nil }
            let recorded = try Self.recordedOwnership(of: domain)?.snapshots ?? []
            guard recorded.contains(name) else {
                throw LibvirtAdapterError(LocalizedMessage("adapter.snapshot.foreign", ["vm": domainName, "snapshot": name]))
            }
            var detail: LocalizedText?
            if let snapshot = try domain.snapshot(named: name) {
                // Deleting an external snapshot merges its overlay away: the pools still list the file until refreshed.
                defer { Self.refreshActivePools(on: connection) }
                do {
                    try snapshot.delete()
                } catch {
                    // libvirt before 9.7 cannot merge an external snapshot's overlay back: the restore
                    // point goes, the overlay stays in the disk's chain, where the guest's data is.
                    guard try SnapshotXML.parse(try snapshot.xml(), isCurrent: false).external else {
                        throw LibvirtAdapterError(LocalizedMessage("adapter.snapshot.notDeleted", ["vm": domainName, "snapshot": name, "reason": "\(error)"]))
                    }
                    try snapshot.delete(metadataOnly: true)
                    detail = LocalizedText(LocalizedMessage("adapter.snapshot.recordOnlyDeleted"), nested: ["detail": LibvirtError.message(for: error)])
                }
            }
            try Self.editSnapshotRecord(of: domain, named: domainName) { $0.removeAll { $0 == name } }
            return detail
        }
    }

    public func revertSnapshot(named name: String, ofDomain domainName: String, force: Bool) async throws -> LocalizedText? {
        try await Libvirt.blocking { [connection] () throws -> LocalizedText? in
            let domain = try Self.require(try connection.domain(named: domainName), "virtual machine", domainName)
            let snapshot = try Self.require(try domain.snapshot(named: name), "snapshot", "\(domainName)/\(name)")
            // Checked again here, not only at plan time: the guest may have been started since.
            if try domain.isActive(), !force {
                throw LibvirtAdapterError(LocalizedMessage("adapter.snapshot.running", ["vm": domainName]))
            }
            // The definition goes back to the snapshot's, reconcile's record with it, which would then
            // forget the snapshots made after this one: they still exist and stay recorded as reconcile's.
            let recorded = try Self.recordedOwnership(of: domain)?.snapshots ?? []
            var detail: LocalizedText?
            do {
                try snapshot.revert(force: force)
            } catch let error as LibvirtError {
                // libvirt before 9.7 refuses external snapshots before it changes anything: done here instead.
                guard SnapshotHandle.isExternalRevertUnsupported(error),
                      try SnapshotXML.parse(try snapshot.xml(), isCurrent: false).external else { throw error }
                detail = try Self.revertExternally(snapshot, of: domain, named: domainName, force: force, on: connection)
            }
            guard !recorded.isEmpty, try Self.recordedOwnership(of: domain) != nil else { return detail }
            try Self.editSnapshotRecord(of: domain, named: domainName) { names in
                names = recorded.filter { (try? domain.snapshot(named: $0)) != nil }
            }
            return detail
        }
    }
}
