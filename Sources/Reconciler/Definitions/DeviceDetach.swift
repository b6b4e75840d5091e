/// Disks and NICs reconcile attached to a running guest that its manifest no longer declares: unplugged
/// from the guest, then removed from its persistent definition. Unplugging needs the guest's
/// cooperation (its OS must release the device), so the step waits a bounded time and fails when the
/// device is still there: the definition keeps it then, and the next apply tries again.
public struct DeviceDetach: Sendable, Hashable, Codable {
    public var name: String
    /// The domain the plan was made for; refused if another domain took its name since.
    public var uuid: String?
    public var disks: [OwnedDevices.Disk]
    /// NICs by MAC address.
    public var interfaces: [String]
    /// How long the guest has to release the devices.
    public var timeoutSeconds: Int

    /// Long enough for a guest OS under TCG to handle the ACPI unplug request.
    public static let defaultTimeoutSeconds = 60

    public init(name: String, uuid: String?, disks: [OwnedDevices.Disk] = [], interfaces: [String] = [],
                timeoutSeconds: Int = DeviceDetach.defaultTimeoutSeconds) {
        self.name = name
        self.uuid = uuid
        self.disks = disks
        self.interfaces = interfaces
        self.timeoutSeconds = timeoutSeconds
    }

    public var isEmpty: Bool { disks.isEmpty && interfaces.isEmpty }
}
