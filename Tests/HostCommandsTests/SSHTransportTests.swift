import Foundation
import HostCommands
import Testing

@Suite("ssh command lines")
struct SSHTransportTests {
    @Test("every connection gets BatchMode, a connect timeout and `--` before the destination")
    func safeDefaults() throws {
        let line = SSHTransport(try SSHTarget(parsing: "admin@kvm1:2222")).commandLine(for: ["id", "-u"])
        let joined = line.joined(separator: " ")
        for option in ["BatchMode=yes", "ConnectTimeout=10", "ControlMaster=no", "ControlPath=none"] {
            #expect(joined.contains("-o \(option)"), "missing \(option)")
        }
        #expect(Array(line.suffix(3)) == ["--", "kvm1", "id -u"])
        #expect(joined.contains("-p 2222 -l admin --"))
        #expect(!joined.contains("/tmp"))
    }

    @Test("shared connections use the socket directory under the state directory")
    func controlPath() throws {
        let state = "/tmp/rc-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: state) }
        let control = try #require(try SSHControlDirectory.prepare(stateDirectory: state))
        let transport = SSHTransport(SSHTarget(user: nil, host: "kvm1"), options: SSHOptions(configFile: "/etc/x", controlDirectory: control))
        let line = transport.commandLine(for: ["true"])
        #expect(line.contains("ControlPath=\(state)/ssh-mux/%C"))
        #expect(line.contains("ControlMaster=auto"))
        #expect(Array(line.prefix(3)) == ["ssh", "-F", "/etc/x"])
        #expect(!line.contains("-l"), "without a user ssh picks one")
    }

    @Test("the remote command is one shell word list that splits back into the argv")
    func quoting() async throws {
        let argv = ["printf", "%s|", "a b", "it's", "$(touch /tmp/never)", "-n", "", "x;y"]
        let line = SSHTransport(SSHTarget(user: nil, host: "h")).commandLine(for: argv)
        let remote = try #require(line.last)
        #expect(line.count(where: { $0 == remote }) == 1)
        // The remote shell reads the command as sh would here.
        let result = try await LocalTransport().run(["/bin/sh", "-c", remote])
        #expect(result.standardOutput == "a b|it's|$(touch /tmp/never)|-n||x;y|")
    }

    @Test("a program name holding '=' is not read as an assignment")
    func assignmentLikeProgram() {
        #expect(ShellQuote.join(["A=b", "c=d"]) == "'A=b' c=d")
        #expect(ShellQuote.quote("") == "''")
        #expect(ShellQuote.quote("plain-word_1.2:x@y") == "plain-word_1.2:x@y")
    }
}
