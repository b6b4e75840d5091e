extension HostPlanner {
    /// The overlays external snapshots and their reverts stacked on a VM's disk, top first: volumes of
    /// its pool named after its stem (libvirt names a snapshot's overlay `root.SNAPSHOT` for `root.qcow2`)
    /// whose backing chain leads to it. Deleting the disk without them would leave them in the pool,
    /// built on a file that is gone.
    func snapshotOverlays(on base: ObservedVolume) -> [ObservedVolume] {
        let stem = base.name.lastIndex(of: ".").map { String(base.name[..<$0]) } ?? base.name
        let candidates = state.volumes.filter { $0.pool == base.pool && $0.name != base.name && $0.name.hasPrefix(stem + ".") }
        let byPath = Dictionary(candidates.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        /// Layers between the volume and the base; nil when its chain leads elsewhere.
        func depth(_ volume: ObservedVolume) -> Int? {
            var current = volume
            for layer in 1...64 {
                guard let backing = current.backingPath else { return nil }
                if backing == base.path { return layer }
                guard let next = byPath[backing] else { return nil }
                current = next
            }
            return nil
        }
        return candidates.compactMap { volume in depth(volume).map { (volume, $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }
            .map(\.0)
    }
}
