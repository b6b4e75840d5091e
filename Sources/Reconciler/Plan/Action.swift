/// What one step does, with everything needed to do it. The step's kind follows from the action.
public enum Action: Sendable, Hashable {
    case defineNetwork(NetworkDefinition)
    case updateNetwork(NetworkPatch)
    case startNetwork(String)
    case stopNetwork(String)
    case setNetworkAutostart(String, Bool)
    case undefineNetwork(String)
    case definePool(PoolDefinition)
    case buildPool(String)
    case startPool(String)
    case setPoolAutostart(String, Bool)
    case createVolume(VolumeDefinition)
    case resizeVolume(pool: String, name: String, capacity: UInt64)
    case deleteVolume(pool: String, name: String)
    case defineDomain(DomainDefinition)
    case updateDomain(DomainPatch)
    /// Balloon, vCPUs and hotplugged devices for a running guest, live and in its definition.
    case applyLive(LiveChange)
    /// Hot-unplug of devices the manifest no longer declares, from the guest and its definition.
    case detachDevices(DeviceDetach)
    case recordOwnership(Ownership, domain: String)
    case startDomain(String)
    /// An ACPI power-button request, then a forced power-off after `timeoutSeconds` (nil: apply's
    /// `--shutdown-timeout`, for guests no manifest declares).
    case shutdownDomain(String, timeoutSeconds: Int?)
    case setDomainAutostart(String, Bool)
    case undefineDomain(String)
    case downloadImage(ImageTransfer)
    case uploadImage(ImageTransfer)
    case createSeed(SeedUpload)
    case waitForIP(GuestWait)
    case waitForSSH(GuestWait)
    case installAgent(GuestWait, AgentInstallRequest)
    case installPackages([String])
    case enableService(String)
    case startService(String)
    case addUserToGroup(user: String, group: String)
    case createSnapshot(SnapshotDefinition)
    case deleteSnapshot(domain: String, name: String)
    /// `force` lets the revert run while the guest runs (the guest then continues from the snapshot).
    case revertSnapshot(domain: String, name: String, force: Bool)

    public var kind: StepKind {
        switch self {
        case .defineNetwork: .defineNetwork
        case .updateNetwork: .updateNetwork
        case .startNetwork: .startNetwork
        case .stopNetwork: .stopNetwork
        case .setNetworkAutostart: .setNetworkAutostart
        case .undefineNetwork: .undefineNetwork
        case .definePool: .definePool
        case .buildPool: .buildPool
        case .startPool: .startPool
        case .setPoolAutostart: .setPoolAutostart
        case .createVolume: .createVolume
        case .resizeVolume: .resizeVolume
        case .deleteVolume: .deleteVolume
        case .defineDomain: .defineDomain
        case .updateDomain: .updateDomain
        case .applyLive: .applyLive
        case .detachDevices: .detachDevice
        case .recordOwnership: .recordOwnership
        case .startDomain: .startDomain
        case .shutdownDomain: .shutdownDomain
        case .setDomainAutostart: .setDomainAutostart
        case .undefineDomain: .undefineDomain
        case .downloadImage: .downloadImage
        case .uploadImage: .uploadImage
        case .createSeed: .createSeed
        case .waitForIP: .waitForIP
        case .waitForSSH: .waitForSSH
        case .installAgent: .installAgent
        case .installPackages: .installPackages
        case .enableService: .enableService
        case .startService: .startService
        case .addUserToGroup: .addUserToGroup
        case .createSnapshot: .createSnapshot
        case .deleteSnapshot: .deleteSnapshot
        case .revertSnapshot: .revertSnapshot
        }
    }
}
