import Foundation
import HostCommands
import HostSystemAdapter
import Spec
import Testing

@Suite("Hosts over SSH share connections only through a private directory")
struct SSHControlDirectoryWiringTests {
    @Test("a socket directory another user could have prepared stops the host before ssh runs")
    func refusedBeforeConnecting() async throws {
        let state = "/tmp/rc-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: state) }
        try FileManager.default.createDirectory(atPath: state + "/ssh-mux", withIntermediateDirectories: true)
        #expect(chmod(state + "/ssh-mux", 0o777) == 0)
        #expect(chmod(state, 0o700) == 0)
        // Port 1 on loopback: were ssh run, it would fail differently (HostSSHError).
        let spec = HypervisorSpec(metadata: ResourceMetadata(name: "remote", location: SourceLocation(file: "t", line: 1, column: 1)),
                                  state: .ready, ssh: "root@127.0.0.1:1")
        await #expect(throws: SSHControlDirectoryError.self) {
            _ = try await ProbedHostSystemConnector(stateDirectory: state).system(for: spec)
        }
    }
}
