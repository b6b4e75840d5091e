import Foundation
import HostCommands

/// Everything the detection reads from a host, bundled so one detector can
/// probe this machine, a fixture tree or a remote host alike.
public struct HostAccess: Sendable {
    public var files: any HostFileSource
    public var commands: any CommandTransport
    public var devices: any DeviceProber

    public init(files: any HostFileSource, commands: any CommandTransport, devices: any DeviceProber) {
        self.files = files
        self.commands = commands
        self.devices = devices
    }

    /// This machine, seen through its real root.
    public static func local() -> HostAccess {
        HostAccess(files: RootedFileSource(root: "/"), commands: LocalTransport(), devices: LocalDeviceProber())
    }

    /// A remote host, read with small commands through `transport` (OpenSSH).
    public static func remote(_ transport: any CommandTransport) -> HostAccess {
        HostAccess(files: RemoteFileSource(transport: transport), commands: transport, devices: RemoteDeviceProber(transport: transport))
    }

    /// A fixture tree: files below `root`, live answers from `root/_probe/state.json`.
    public static func fixture(root: String) throws(FixtureError) -> HostAccess {
        let files = RootedFileSource(root: root)
        let statePath = files.localPath(FixtureState.relativePath)
        guard let data = FileManager.default.contents(atPath: statePath) else {
            throw .missingState(statePath)
        }
        let state: FixtureState
        do {
            state = try JSONDecoder().decode(FixtureState.self, from: data)
        } catch {
            throw .invalidState(statePath, String(describing: error))
        }
        return HostAccess(files: files, commands: FixtureTransport(state: state), devices: FixtureDeviceProber(state: state))
    }
}
