import Foundation
import HostCommands
import Testing

@Suite("The directory of shared SSH connections", .serialized)
struct SSHControlDirectoryTests {
    /// A fresh state directory under /tmp, short enough for a socket path.
    static func scratch() throws -> String {
        let path = "/tmp/rc-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return path
    }

    static func mode(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test("it is created with mode 0700 inside the state directory, which is created too")
    func created() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let state = scratch + "/state"
        let previous = umask(0o022)
        defer { umask(previous) }
        let control = try #require(try SSHControlDirectory.prepare(stateDirectory: state))
        #expect(control.path == state + "/ssh-mux")
        #expect(control.controlPath == state + "/ssh-mux/%C")
        #expect(try Self.mode(control.path) == 0o700)
        // Preparing again accepts the directory it made.
        #expect(try SSHControlDirectory.prepare(stateDirectory: state + "/") == control)
    }

    @Test("a directory someone else could write to is refused, and left as it is", arguments: [0o777, 0o755, 0o770, 0o701])
    func wrongMode(mode: Int) throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let path = scratch + "/ssh-mux"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(chmod(path, mode_t(mode)) == 0)
        let error = #expect(throws: SSHControlDirectoryError.self) { try SSHControlDirectory.prepare(stateDirectory: scratch) }
        #expect(error?.reason.english.contains("lets other users in") == true)
        #expect(error?.description.contains(path) == true)
        #expect(try Self.mode(path) == mode)
    }

    @Test("a directory another user created first is refused", .enabled(if: getuid() == 0, "needs root to give the directory away"))
    func otherOwner() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let path = scratch + "/ssh-mux"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        // nobody: the attacker who created the path before reconcile ran.
        #expect(chown(path, 65534, 65534) == 0)
        let error = #expect(throws: SSHControlDirectoryError.self) { try SSHControlDirectory.prepare(stateDirectory: scratch) }
        #expect(error?.reason.english.contains("belongs to uid 65534") == true)
    }

    @Test("a symbolic link in its place is refused, even to a private directory")
    func symbolicLink() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/elsewhere", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createSymbolicLink(atPath: scratch + "/ssh-mux", withDestinationPath: scratch + "/elsewhere")
        let error = #expect(throws: SSHControlDirectoryError.self) { try SSHControlDirectory.prepare(stateDirectory: scratch) }
        #expect(error?.reason.english.contains("not a directory") == true)
    }

    @Test("a state directory others may write to is refused, unless sticky like /tmp")
    func writableStateDirectory() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        #expect(chmod(scratch, 0o777) == 0)
        let error = #expect(throws: SSHControlDirectoryError.self) { try SSHControlDirectory.prepare(stateDirectory: scratch) }
        #expect(error?.reason.english.contains("writable by other users") == true)
        #expect(!FileManager.default.fileExists(atPath: scratch + "/ssh-mux"))
        #expect(chmod(scratch, 0o1777) == 0)
        #expect(try SSHControlDirectory.prepare(stateDirectory: scratch) != nil)
    }

    @Test("a path too long for a socket, or one ssh would expand, shares no connection")
    func unusablePaths() throws {
        let long = "/tmp/" + String(repeating: "d", count: 60)
        #expect(try SSHControlDirectory.prepare(stateDirectory: long) == nil)
        #expect(!FileManager.default.fileExists(atPath: long))
        #expect(try SSHControlDirectory.prepare(stateDirectory: "/tmp/a%Cb") == nil)
        #expect(try SSHControlDirectory.prepare(stateDirectory: "/tmp/a b") == nil)
        #expect(try SSHControlDirectory.prepare(stateDirectory: "relative/state") == nil)
    }
}
