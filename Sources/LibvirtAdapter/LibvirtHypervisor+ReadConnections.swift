import Reconciler

extension LibvirtHypervisor {
    /// Extra connections opened for the per-domain reads of an observation of a remote host.
    /// libvirtd serves at most `max_client_requests` (5 by default) calls of one connection at a
    /// time, so over a slow link one connection hides only about 5 round trips however many calls
    /// wait; three more connections to a default-configured daemon give about 20 in flight.
    static let extraReadConnections = 3

    /// Whether `uri` names a remote host (`driver+transport://host/...` or `driver://host/...`),
    /// where each call costs a network round trip. Local URIs (`qemu:///system`, `test:///...`)
    /// have an empty host part.
    static func isRemote(_ uri: String) -> Bool {
        guard let separator = uri.range(of: "://") else { return false }
        let rest = uri[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        return !authority.isEmpty
    }

    /// The connections to read domains through: the main one, and for a remote host the extra ones,
    /// opened alongside the main one by `connect(uri:)` (or else at the first observation) and kept
    /// for the hypervisor's lifetime; each closes in LibvirtConnection's deinit. One that fails to
    /// open is left out: the reads then share fewer connections, nothing else changes.
    func readConnections() async -> [LibvirtConnection] {
        guard Self.isRemote(connection.uri) else { return [connection] }
        if let open = extraReaders.withLock({ $0 }) { return [connection] + open }
        return [connection] + keepExtraReaders(await Self.openExtraReaders(uri: connection.uri))
    }

    /// Opens the extra connections to `uri` all at once (an ssh handshake each for qemu+ssh).
    static func openExtraReaders(uri: String) async -> [LibvirtConnection] {
        guard isRemote(uri) else { return [] }
        return await withTaskGroup(of: LibvirtConnection?.self) { group in
            for _ in 0..<extraReadConnections {
                group.addTask { try? await Libvirt.onOwnThread { try LibvirtConnection(uri: uri) } }
            }
            var opened: [LibvirtConnection] = []
            for await connection in group { if let connection { opened.append(connection) } }
            return opened
        }
    }

    /// Stores `opened` unless a set is already kept (two observations at once may both open some;
    /// the other set closes), and returns the kept set.
    func keepExtraReaders(_ opened: [LibvirtConnection]) -> [LibvirtConnection] {
        extraReaders.withLock { readers in
            if readers == nil { readers = opened }
            return readers ?? opened
        }
    }
}
