import Spec
import Synchronization

/// Hosts connected to and read while the manifests are still loading. `plan` names each URI as soon
/// as it meets one (or --connect's before reading any file), and the connector then hands over that
/// connection with its first observation instead of starting both afresh: reading the host overlaps
/// loading a large set of manifests. Only a local daemon's socket is read ahead (a driver, no
/// transport, host or parameters), so nothing runs a program, asks for a password or reaches another
/// machine before the manifests are known to be valid.
public final class LibvirtPrefetch: Sendable {
    private let started = Mutex<[String: Task<LibvirtHypervisor, any Error>]>([:])

    public init() {}

    /// Starts connecting to `uri` and observing it, once per URI; any other kind of URI is left alone.
    public func start(uri: String) {
        guard Self.canReadAhead(uri) else { return }
        started.withLock { tasks in
            guard tasks[uri] == nil else { return }
            tasks[uri] = Task {
                let hypervisor = try await LibvirtHypervisor.connect(uri: uri)
                hypervisor.startFirstObservation()
                return hypervisor
            }
        }
    }

    /// Runs `load`, the synchronous manifest loading that calls `start` as it meets each host, on a
    /// thread of its own. Loading blocks the thread it runs on and keeps libdispatch's workers busy
    /// parsing files; on Swift's cooperative pool (as many threads as cores) it would leave no thread
    /// for the connection and reads `start` begins, and they would wait until everything had loaded.
    public func whileLoading<Loaded: Sendable>(_ load: @escaping @Sendable () throws -> Loaded) async throws -> Loaded {
        try await Libvirt.onOwnThread(load)
    }

    /// The hypervisor connected ahead for `uri`, taken once; nil when none was started or it could not
    /// connect (the caller then connects as usual and reports that error itself).
    func take(uri: String) async -> LibvirtHypervisor? {
        guard let task = started.withLock({ $0.removeValue(forKey: uri) }) else { return nil }
        return try? await task.value
    }

    /// Waits for every connection and read started ahead and not taken, and lets them go. A process
    /// that exits (an invalid manifest, an unknown --target) while another thread is inside libvirt or
    /// libxml2 can crash in their teardown, so `plan` settles before it returns or throws.
    public func settle() async {
        let pending = started.withLock { tasks in
            defer { tasks = [:] }
            return Array(tasks.values)
        }
        for task in pending {
            _ = await (try? task.value)?.takeFirstObservation()
        }
    }

    /// `driver:///path`: a URI reconcile accepts, naming no transport, host or parameter.
    static func canReadAhead(_ uri: String) -> Bool {
        guard LibvirtURI.problem(uri) == nil, let separator = uri.range(of: ":///"), !uri.contains("?") else { return false }
        let scheme = uri[..<separator.lowerBound]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && $0.isLetter }
    }
}
