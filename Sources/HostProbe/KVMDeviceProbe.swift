/// The outcome of opening the KVM device and asking for its API version.
public enum KVMDeviceProbe: Sendable, Equatable {
    /// No device node at the path.
    case missing
    /// The node exists but this user may not open it (EACCES/EPERM).
    case permissionDenied
    /// The node exists but open(2) or the ioctl failed for another reason.
    case failed(String)
    /// The device answered KVM_GET_API_VERSION; nil when the prober could only
    /// check that the device is openable (e.g. remote host without python3).
    case answered(apiVersion: Int?)
}
