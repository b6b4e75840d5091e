/// What domains and networks share: started, stopped and removed the same way.
protocol LifecycleHandle {
    func isActive() throws(LibvirtError) -> Bool
    func isPersistent() throws(LibvirtError) -> Bool
    func create() throws(LibvirtError)
    func destroy() throws(LibvirtError)
    func undefine() throws(LibvirtError)
}

extension LifecycleHandle {
    /// Starts it unless it already runs, so a repeated step changes nothing.
    func startIfInactive() throws(LibvirtError) {
        if try !isActive() { try create() }
    }

    func stopIfActive() throws(LibvirtError) {
        if try isActive() { try destroy() }
    }

    /// Stops it if needed, then removes its definition; a transient one vanishes when stopped.
    func remove() throws(LibvirtError) {
        try stopIfActive()
        if try isPersistent() { try undefine() }
    }
}

extension DomainHandle: LifecycleHandle {}
extension NetworkHandle: LifecycleHandle {}
