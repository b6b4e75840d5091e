import CLibvirt
import Foundation
import Localization
import Reconciler
import Spec

extension LibvirtHypervisor {
    /// Reverts a stopped domain to an external disk-only snapshot as libvirt 9.7 and later do it, for
    /// the libvirt versions that refuse to: each disk gets a new qcow2 overlay on the file the snapshot
    /// froze (made through the storage API), the persistent definition points at it (only the disks'
    /// sources change), the snapshot becomes the current one, and the overlays that held what was
    /// written since are deleted unless a snapshot, another domain or another volume still needs them.
    /// A running domain is forced off first, which `force` must allow. Returns what was done, worded
    /// when shown (the reader's language on a terminal, English in JSON).
    static func revertExternally(_ snapshot: SnapshotHandle, of domain: DomainHandle, named domainName: String,
                                 force: Bool, on connection: LibvirtConnection) throws -> LocalizedText {
        let record = try snapshot.xml()
        let disks = try SnapshotXML.externalDisks(record)
        guard !disks.isEmpty else {
            throw LibvirtAdapterError(LocalizedMessage("adapter.snapshot.noExternalDisk", ["vm": domainName, "snapshot": snapshot.name]))
        }
        // The overlays QEMU made for external snapshots are files the pools learn of only when refreshed.
        refreshActivePools(on: connection)
        // Everything that can refuse is checked before the guest is touched.
        var frozenVolumes: [(disk: ExternalSnapshotDisk, volume: VolumeHandle, pool: PoolHandle)] = []
        for disk in disks {
            guard let volume = try connection.volume(path: disk.frozen) else {
                throw LibvirtAdapterError(LocalizedMessage("adapter.snapshot.frozenOutsidePools", [
                    "path": disk.frozen, "snapshot": snapshot.name, "disk": disk.target,
                ]))
            }
            frozenVolumes.append((disk, volume, try volume.pool()))
        }
        if try domain.isActive() {
            guard force else {
                throw LibvirtAdapterError(LocalizedMessage("adapter.snapshot.running", ["vm": domainName]))
            }
            // A disk-only snapshot has no memory to go back to: the guest is off afterwards, as libvirt leaves it.
            try domain.destroy()
        }
        let before = try DomainXML.parse(try domain.xml(inactive: true), state: .shutoff, autostart: false, persistent: true)
        var overlays: [String: String] = [:]
        var created: [VolumeHandle] = []
        do {
            for (disk, frozen, pool) in frozenVolumes {
                let format = try StorageXML.volumeFormat(try frozen.xml()).flatMap(DiskFormat.init(rawValue:)) ?? .qcow2
                let overlay = VolumeDefinition(pool: pool.name, name: try freeOverlayName(after: frozen.name, snapshot: snapshot.name, in: pool),
                                               capacity: try frozen.capacity(), format: .qcow2,
                                               backingPath: disk.frozen, backingFormat: format)
                let volume = try pool.createVolume(xml: StorageXML.render(overlay))
                created.append(volume)
                overlays[disk.target] = try volume.path()
            }
            let patched = try DomainXML.pointingDisks(overlays, in: try domain.xml(inactive: true), domain: domainName)
            _ = try connection.defineDomain(xml: patched)
        } catch {
            // Nothing points at the new files yet: they go, and the domain is as it was.
            for volume in created { try? volume.delete() }
            throw error
        }
        let names = created.map(\.name).joined(separator: ", ")
        var notes = [disks.count == 1 ? LocalizedMessage("adapter.revert.overlayOne", ["overlay": names])
            : LocalizedMessage("adapter.revert.overlays", ["overlays": names])]
        // Made current, as a revert does; with no later snapshot its record names the new overlays, as
        // libvirt 9.7 records it, so that deleting it later merges the right files.
        let current = try snapshot.childCount() == 0 ? try SnapshotXML.replacingOverlays(overlays, in: record) : record
        let redefine = UInt32(VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE.rawValue) | UInt32(VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT.rawValue)
        do {
            _ = try domain.createSnapshot(xml: current, flags: redefine)
        } catch {
            notes.append(LocalizedMessage("adapter.revert.recordNotUpdated", ["detail": "\(error)"]))
        }
        // What a snapshot needs to be reverted to, and the chain under each new overlay, stay.
        var kept: Set<String> = []
        for other in try domain.allSnapshots() { kept.formUnion(try SnapshotXML.frozenPaths(try other.xml())) }
        for disk in disks { kept.formUnion(try backingChain(from: disk.frozen, on: connection)) }
        var deleted: [String] = []
        var left: [LocalizedMessage] = []
        for disk in before.disks where overlays[disk.target] != nil {
            guard let top = disk.source, !kept.contains(top) else { continue }
            let outcome = try deleteUnusedLayers(from: top, keeping: kept, on: connection)
            deleted += outcome.deleted
            left += outcome.keptBecause
        }
        switch deleted.count {
        case 0: notes.append(LocalizedMessage("adapter.revert.noneDeleted"))
        case 1: notes.append(LocalizedMessage("adapter.revert.deletedOne", ["overlay": deleted[0]]))
        default: notes.append(LocalizedMessage("adapter.revert.deleted", ["overlays": deleted.joined(separator: ", ")]))
        }
        notes += left
        return LocalizedText.joined(notes.map { LocalizedText($0) }, separator: .verbatim("; "))
    }

    static func refreshActivePools(on connection: LibvirtConnection) {
        for pool in (try? connection.allPools()) ?? [] where (try? pool.isActive()) == true { try? pool.refresh() }
    }

    /// `STEM.SNAPSHOT-revert-N`, the first N free in the pool: the frozen file's name without its last
    /// extension, as libvirt names an external snapshot's overlay (`root.qcow2` → `root.SNAPSHOT`), so
    /// every overlay of a VM's disk starts with the disk's stem.
    static func freeOverlayName(after frozen: String, snapshot: String, in pool: PoolHandle) throws -> String {
        let stem = frozen.lastIndex(of: ".").map { String(frozen[..<$0]) } ?? frozen
        var number = 1
        while try pool.volume(named: "\(stem).\(snapshot)-revert-\(number)") != nil { number += 1 }
        return "\(stem).\(snapshot)-revert-\(number)"
    }

    /// The file and every file under it, following the volumes' backing stores through the pools.
    static func backingChain(from path: String, on connection: LibvirtConnection) throws -> Set<String> {
        var chain: Set<String> = []
        var next: String? = path
        while let current = next, chain.count < 64, chain.insert(current).inserted {
            next = try connection.volume(path: current).flatMap { try StorageXML.backingPath(try $0.xml()) }
        }
        return chain
    }

    /// Deletes the discarded branch from its top down, one layer at a time, and stops at the first layer
    /// that must stay: one a snapshot needs (`keeping`), one outside every pool, one a domain's
    /// definition names, or one another volume is built on (a stopped clone's definition does not
    /// name its backing file, its volume does).
    static func deleteUnusedLayers(from top: String, keeping: Set<String>,
                                   on connection: LibvirtConnection) throws -> (deleted: [String], keptBecause: [LocalizedMessage]) {
        var deleted: [String] = []
        var next: String? = top
        while let path = next, !keeping.contains(path), deleted.count < 64 {
            guard let volume = try connection.volume(path: path) else {
                return (deleted, [LocalizedMessage("adapter.revert.outsidePools", ["path": path])])
            }
            let pool = try volume.pool()
            if let user = try domainUsing(volume: volume.name, pool: pool.name, path: path, on: connection) {
                return (deleted, [LocalizedMessage("adapter.revert.keptInUse", ["volume": "\(pool.name)/\(volume.name)", "vm": user])])
            }
            if let child = try pool.allVolumes().first(where: { try StorageXML.backingPath(try $0.xml()) == path }) {
                return (deleted, [LocalizedMessage("adapter.revert.keptBacking", [
                    "volume": "\(pool.name)/\(volume.name)", "child": "\(pool.name)/\(child.name)",
                ])])
            }
            next = try StorageXML.backingPath(try volume.xml())
            try volume.delete()
            deleted.append("\(pool.name)/\(volume.name)")
        }
        return (deleted, [])
    }
}
