/// Answers device questions from a fixture's recorded `FixtureState`.
public struct FixtureDeviceProber: DeviceProber {
    public let state: FixtureState

    public init(state: FixtureState) {
        self.state = state
    }

    public func probeKVMDevice(at path: String) async -> KVMDeviceProbe {
        KVMDeviceProbe(recorded: state.kvm)
    }

    public func canConnect(unixSocket path: String) async -> Bool {
        state.listeningSockets.contains(path)
    }

    public func isProcessAlive(pid: Int) async -> Bool {
        state.livePids.contains(pid)
    }

    public func currentUser() async -> UserIdentity {
        UserIdentity(uid: state.uid, groups: state.groups)
    }
}
