/// Answers device questions from a fixture's recorded `FixtureState`.
public struct FixtureDeviceProber: DeviceProber {
    public let state: FixtureState

    public init(state: FixtureState) {
        self.state = state
    }

    public func probeKVMDevice(at path: String) async -> KVMDeviceProbe {
        switch state.kvm {
        case "missing": return .missing
        case "denied": return .permissionDenied
        case "api": return .answered(apiVersion: nil)
        case let value where value.hasPrefix("api:"):
            return .answered(apiVersion: Int(value.dropFirst(4)))
        case let value where value.hasPrefix("error:"):
            return .failed(String(value.dropFirst(6)))
        default:
            return .failed("fixture has unknown kvm state \"\(state.kvm)\"")
        }
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
