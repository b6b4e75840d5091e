/// Probes that need the live kernel rather than file contents: opening a
/// device, connecting to a socket, checking a process, asking who we are.
/// Split out from `HostFileSource` because a fixture tree cannot answer an
/// ioctl, so tests substitute recorded answers.
public protocol DeviceProber: Sendable {
    /// Opens the KVM device read-write and issues KVM_GET_API_VERSION.
    func probeKVMDevice(at path: String) async -> KVMDeviceProbe
    /// Whether connect(2) to the unix socket at `path` succeeds.
    func canConnect(unixSocket path: String) async -> Bool
    /// Whether a process with this pid exists.
    func isProcessAlive(pid: Int) async -> Bool
    /// The user the probes run as.
    func currentUser() async -> UserIdentity
}
