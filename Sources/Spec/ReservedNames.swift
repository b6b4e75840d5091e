/// libvirt objects reconcile keeps for itself on every host, which no manifest may declare.
public enum ReservedNames {
    /// The inactive network that holds the apply lock (hidden from plans).
    public static let lockNetwork = "reconcile-lock"
    /// Its bridge name, fixed so libvirt does not hand it the next free virbrN.
    public static let lockBridge = "reconcile-lck"
}
