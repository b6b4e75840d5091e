extension ObservedFingerprint {
    /// Host facts join the digest only when there are any, so plans of `observed` hosts keep their
    /// fingerprint.
    public static func of(_ observed: [String: HostState], hosts: [String: HostObservation]) -> String {
        guard !hosts.isEmpty else { return of(observed) }
        return SpecHash.of(Combined(libvirt: observed.mapValues { $0.canonicalized() }, hosts: hosts.mapValues(\.canonicalized)))
    }

    private struct Combined: Encodable {
        var libvirt: [String: HostState]
        var hosts: [String: HostObservation]
    }
}
