import Reconciler

extension LibvirtHypervisor {
    /// Starts the observation the next `observe()` returns (see LibvirtPrefetch).
    func startFirstObservation() {
        let task = Task { try await self.observeConcurrently() }
        firstObservation.withLock { $0 = task }
    }

    /// The observation started ahead, taken once; nil when none was started or it failed, so that
    /// `observe()` reads afresh and reports its own error.
    func takeFirstObservation() async -> HostState? {
        let task = firstObservation.withLock { slot in
            defer { slot = nil }
            return slot
        }
        return try? await task?.value
    }
}
