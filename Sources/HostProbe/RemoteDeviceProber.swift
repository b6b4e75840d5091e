import HostCommands

/// Device probes on a remote host. The KVM ioctl needs code on the remote
/// side, so python3 is used when it exists there; otherwise only "openable"
/// is checked with test(1), and the API version stays unknown.
public struct RemoteDeviceProber: DeviceProber {
    let transport: any CommandTransport

    public init(transport: any CommandTransport) {
        self.transport = transport
    }

    static let kvmScript = """
        import errno, fcntl, os, sys
        try:
            fd = os.open(sys.argv[1], os.O_RDWR)
        except OSError as e:
            print({errno.ENOENT: "missing", errno.EACCES: "denied", errno.EPERM: "denied"}.get(e.errno, "error:" + e.strerror))
            sys.exit(0)
        try:
            print("api:%d" % fcntl.ioctl(fd, 0xAE00))
        except OSError as e:
            print("error:" + e.strerror)
        """

    static let socketScript = """
        import socket, sys
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(3)
        s.connect(sys.argv[1])
        """

    public func probeKVMDevice(at path: String) async -> KVMDeviceProbe {
        if let output = await transport.probe(["python3", "-c", Self.kvmScript, path]), output.succeeded {
            return KVMDeviceProbe(recorded: output.standardOutput.trimmingWhitespace)
        }
        let test = "test -e \"$1\" || exit 2; test -r \"$1\" && test -w \"$1\" || exit 3"
        switch await transport.probe(["sh", "-c", test, "sh", path])?.exitStatus {
        case 0: return .answered(apiVersion: nil)
        case 2: return .missing
        case 3: return .permissionDenied
        default: return .failed("could not check \(path) on the remote host")
        }
    }

    public func canConnect(unixSocket path: String) async -> Bool {
        if let output = await transport.probe(["python3", "-c", Self.socketScript, path]) {
            return output.succeeded
        }
        // Without python3 a socket file that exists is the best evidence we have.
        return await transport.probe(["test", "-S", path])?.succeeded == true
    }

    public func isProcessAlive(pid: Int) async -> Bool {
        if await transport.probe(["kill", "-0", String(pid)])?.succeeded == true { return true }
        // kill -0 fails with EPERM for other users' processes; /proc still shows them.
        return await transport.probe(["test", "-d", "/proc/\(pid)"])?.succeeded == true
    }

    public func currentUser() async -> UserIdentity {
        let uid = await transport.probe(["id", "-u"]).flatMap { Int($0.standardOutput.trimmingWhitespace) } ?? -1
        let groups = await transport.probe(["id", "-Gn"])?.standardOutput
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) ?? []
        return UserIdentity(uid: uid, groups: groups.sorted())
    }
}
