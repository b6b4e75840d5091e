/// A digest of everything observed, so a saved plan can refuse to run against a changed world.
public enum ObservedFingerprint {
    public static func of(_ observed: [String: HostState]) -> String {
        SpecHash.of(observed.mapValues { $0.canonicalized() })
    }
}
