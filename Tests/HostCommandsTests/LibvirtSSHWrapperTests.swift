import Foundation
import HostCommands
import Testing

@Suite("The program that hands --ssh-config to libvirt's ssh transport")
struct LibvirtSSHWrapperTests {
    /// Runs `program arguments…` and returns its standard output.
    static func output(of program: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("ssh run through it reads the config file, even one whose path holds a blank and a quote")
    func sshReadsTheConfig() throws {
        let scratch = try SSHControlDirectoryTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let configDirectory = scratch + "/it's config"
        try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: false)
        let config = configDirectory + "/ssh_config"
        try "Host 10.250.9.2\n    IdentityFile /keys/fleet_key\n    StrictHostKeyChecking yes\n    UserKnownHostsFile /keys/pinned\n"
            .write(toFile: config, atomically: true, encoding: .utf8)

        let program = try LibvirtSSHWrapper.install(configFile: config, stateDirectory: scratch + "/state")
        #expect(program == scratch + "/state/ssh-mux/libvirt-ssh")
        #expect((try FileManager.default.attributesOfItem(atPath: program)[.posixPermissions] as? NSNumber)?.intValue == 0o700)

        // ssh -G prints the configuration it would use, without connecting anywhere.
        let run = try Self.output(of: program, ["-G", "-l", "root", "10.250.9.2"])
        #expect(run.status == 0)
        let lines = Set(run.text.split(separator: "\n").map(String.init))
        #expect(lines.contains("identityfile /keys/fleet_key"))
        #expect(lines.contains("stricthostkeychecking true"))
        #expect(lines.contains("userknownhostsfile /keys/pinned"))
    }

    @Test("a relative config path is made absolute (libvirt runs ssh from its own directory)")
    func relativePath() throws {
        let scratch = try SSHControlDirectoryTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let program = try LibvirtSSHWrapper.install(configFile: "fleet/ssh_config", stateDirectory: scratch)
        let cwd = FileManager.default.currentDirectoryPath
        #expect(try String(contentsOfFile: program, encoding: .utf8).contains(" -F \(ShellQuote.quote(cwd + "/fleet/ssh_config")) "))
    }

    @Test("installing again replaces the program and leaves no temporary file")
    func reinstall() throws {
        let scratch = try SSHControlDirectoryTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        _ = try LibvirtSSHWrapper.install(configFile: "/first", stateDirectory: scratch)
        let program = try LibvirtSSHWrapper.install(configFile: "/second", stateDirectory: scratch)
        #expect(try String(contentsOfFile: program, encoding: .utf8).contains("-F /second "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch + "/ssh-mux") == ["libvirt-ssh"])
    }
}
