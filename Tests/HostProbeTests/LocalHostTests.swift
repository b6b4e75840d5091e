import Foundation
import HostProbe
import Testing

@Suite("Real probes on this machine")
struct LocalHostTests {
    @Test("facts about this machine match independent checks")
    func realMachine() async throws {
        let report = await HostDetector(system: .local()).detect()
        let osRelease = try String(contentsOfFile: "/etc/os-release", encoding: .utf8)
        let idLine = try #require(osRelease.split(separator: "\n").first { $0.hasPrefix("ID=") })
        #expect(report.distribution.id == idLine.dropFirst(3).replacingOccurrences(of: "\"", with: ""))
        #expect(report.platform == "Linux")

        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let hasVirtualization = cpuinfo.range(of: #"\b(vmx|svm)\b"#, options: .regularExpression) != nil
        #expect(report.hypervisors.kvm.cpuSupported == hasVirtualization)

        let kvm = report.hypervisors.kvm
        let deviceExists = FileManager.default.fileExists(atPath: "/dev/kvm")
        #expect(kvm.devicePresent == deviceExists)
        if deviceExists {
            // Open with a different API than the prober uses.
            let openable = FileHandle(forUpdatingAtPath: "/dev/kvm") != nil
            #expect(kvm.deviceAccessible == openable)
            #expect(report.roles.contains(.kvmHost) == openable)
        } else {
            #expect(!kvm.available)
        }
        #expect(report.distribution.serviceManager == .systemd
                || !FileManager.default.fileExists(atPath: "/run/systemd/system"))
        #expect(report.user.uid == Int(getuid()))
    }

    @Test("unix socket connect succeeds only while something listens")
    func unixSocket() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hp-\(getpid()).sock").path
        unlink(path)
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener); unlink(path) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let prober = LocalDeviceProber()
        #expect(!(await prober.canConnect(unixSocket: path)))
        try #require(listen(listener, 4) == 0)
        #expect(await prober.canConnect(unixSocket: path))
        #expect(!(await prober.canConnect(unixSocket: path + ".missing")))
    }

    @Test("process liveness")
    func processes() async {
        let prober = LocalDeviceProber()
        #expect(await prober.isProcessAlive(pid: Int(getpid())))
        #expect(!(await prober.isProcessAlive(pid: 0)))
    }
}
