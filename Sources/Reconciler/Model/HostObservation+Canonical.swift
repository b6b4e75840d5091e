import Localization

extension HostObservation {
    /// Error texts from libvirt vary between attempts (they may carry timings): only whether libvirt
    /// answered counts for the fingerprint.
    var canonicalized: HostObservation {
        var copy = self
        copy.facts.userGroups = facts.userGroups.mapValues { $0.sorted() }
        copy.libvirtError = libvirtError == nil ? nil : ErrorWording(.verbatim("unreachable"))
        return copy
    }
}
