import Foundation
import HostCommands
import HostProbe
import Testing

@Suite("SSH targets and remote probing")
struct SSHTests {
    @Test("user@host:port parsing")
    func parsing() throws {
        #expect(try SSHTarget(parsing: "admin@kvm1.example:2222") == SSHTarget(user: "admin", host: "kvm1.example", port: 2222))
        #expect(try SSHTarget(parsing: "kvm1") == SSHTarget(user: nil, host: "kvm1", port: 22))
        #expect(try SSHTarget(parsing: "root@[::1]:2200") == SSHTarget(user: "root", host: "::1", port: 2200))
    }

    @Test("invalid targets are rejected with a reason", arguments: ["", "user@", "@host", "host:0", "host:abc", "-oProxyCommand=x", "[::1", "two words", "host/path"])
    func invalid(text: String) {
        #expect(throws: SSHTargetError.self) { try SSHTarget(parsing: text) }
    }

    @Test("ssh argv uses BatchMode, the port and a quoted remote command after `--`")
    func sshArguments() throws {
        let transport = SSHTransport(try SSHTarget(parsing: "ops@127.0.0.1:2022"))
        let argv = transport.commandLine(for: ["cat", "--", "/etc/my file"])
        #expect(argv.first == "ssh")
        #expect(argv.contains("BatchMode=yes"))
        let port = try #require(argv.firstIndex(of: "-p"))
        #expect(argv[port + 1] == "2022")
        let user = try #require(argv.firstIndex(of: "-l"))
        #expect(argv[user + 1] == "ops")
        #expect(argv.suffix(3) == ["--", "127.0.0.1", "cat -- '/etc/my file'"])
    }

    // The remote implementations' shell snippets run on this machine through LocalTransport, as
    // the remote shell would run them, to check them without an SSH server.

    @Test("remote file source reads, tests and lists through shell commands")
    func remoteFiles() async {
        let files = RemoteFileSource(transport: LocalTransport())
        let local = RootedFileSource(root: "/")
        #expect(await files.readFile("/etc/os-release") == (await local.readFile("/etc/os-release")))
        #expect(await files.readFile("/nonexistent/file") == nil)
        #expect(await files.exists("/etc/os-release"))
        #expect(!(await files.exists("/nonexistent/file")))
        #expect(await files.listDirectory("/etc/apt") == (await local.listDirectory("/etc/apt")))
    }

    /// Counts commands so tests can bound the SSH round trips a detection costs.
    actor CommandCounter {
        var count = 0
        func increment() { count += 1 }
    }

    struct CountingRunner: CommandTransport {
        let counter: CommandCounter
        var target: String { "this machine, counted" }
        func run(_ argv: [String], input: String?, timeout: Duration?) async throws(ProcessError) -> ProcessResult {
            await counter.increment()
            return try await LocalTransport().run(argv, input: input, timeout: timeout)
        }
    }

    @Test("batched existence checks agree with single checks")
    func existingAmong() async {
        let files = RemoteFileSource(transport: LocalTransport())
        let paths = ["/etc/os-release", "/nonexistent", "/etc/with space", "/proc/cpuinfo"]
        #expect(await files.existing(among: paths) == ["/etc/os-release", "/proc/cpuinfo"])
    }

    @Test("a detection through the remote implementations matches the local one in few commands")
    func remoteDetectionMatchesLocal() async throws {
        // Other tests define libvirt networks (and reconcile's lock network, for the length of an apply)
        // on this machine meanwhile, which detect reports: the remote read must list every network both
        // local reads around it list, and nothing neither lists, in one of five tries. Everything else
        // must match exactly.
        var problems: [String] = []
        var commands = 0
        for _ in 0..<5 {
            let counter = CommandCounter()
            let runner = CountingRunner(counter: counter)
            let remote = HostAccess(files: RemoteFileSource(transport: runner), commands: runner,
                                    devices: RemoteDeviceProber(transport: runner))
            let before = try Self.splitNetworks(await HostDetector(system: .local()).detect().jsonText())
            let viaShell = try Self.splitNetworks(await HostDetector(system: remote).detect().jsonText())
            let after = try Self.splitNetworks(await HostDetector(system: .local()).detect().jsonText())
            commands = await counter.count
            let stable = before.networks.intersection(after.networks), seen = before.networks.union(after.networks)
            if viaShell.rest != after.rest {
                problems.append("remote:\n\(viaShell.rest)\nlocal:\n\(after.rest)")
            } else if !stable.isSubset(of: viaShell.networks) || !viaShell.networks.isSubset(of: seen) {
                problems.append("remote networks \(viaShell.networks.sorted()), local before \(before.networks.sorted()), after \(after.networks.sorted())")
            } else {
                problems = []
                break
            }
        }
        #expect(problems.isEmpty, "\(problems.last ?? "")")
        // Each command is one SSH round trip on a real remote host.
        #expect(commands < 60)
    }

    /// The report's JSON without its KVM network list, and that list.
    static func splitNetworks(_ json: String) throws -> (rest: String, networks: Set<String>) {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var hypervisors = object["hypervisors"] as? [String: Any] ?? [:]
        var kvm = hypervisors["kvm"] as? [String: Any] ?? [:]
        let networks = Set(kvm.removeValue(forKey: "networks") as? [String] ?? [])
        hypervisors["kvm"] = kvm
        object["hypervisors"] = hypervisors
        let rest = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        return (String(decoding: rest, as: UTF8.self), networks)
    }

    @Test("remote device prober agrees with the local one on this machine")
    func remoteDevices() async {
        let remote = RemoteDeviceProber(transport: LocalTransport())
        let local = LocalDeviceProber()
        #expect(await remote.probeKVMDevice(at: "/dev/kvm") == (await local.probeKVMDevice(at: "/dev/kvm")))
        #expect(await remote.probeKVMDevice(at: "/dev/does-not-exist") == .missing)
        #expect(await remote.currentUser() == (await local.currentUser()))
        #expect(await remote.isProcessAlive(pid: 1))
    }
}
