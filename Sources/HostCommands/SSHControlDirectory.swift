import Foundation
import Localization

/// Where the sockets of shared SSH connections live: `<state directory>/ssh-mux`, mode 0700, owned
/// by the user running reconcile. A socket in a directory others can write to (such as /tmp) would
/// let another local user who creates it first receive every command reconcile sends.
public struct SSHControlDirectory: Sendable, Hashable {
    public static let name = "ssh-mux"
    /// A unix socket path holds 107 bytes; ssh adds "/" and the 40 hex digits of %C, and while it
    /// sets the connection up, "." and 16 random characters.
    public static let longestPath = 107 - (1 + 40 + 1 + 16)

    public let path: String

    /// ssh's ControlPath: one socket per local host, remote host, port and user (a hash, so short).
    public var controlPath: String { path + "/%C" }

    init(checkedPath: String) {
        path = checkedPath
    }

    /// Creates `<stateDirectory>/ssh-mux` with mode 0700, or checks the one that is there: a
    /// directory (not a link) of this user that nobody else may enter, inside a directory nobody
    /// else may rename it in. Returns nil when the path cannot name a socket (too long, or holding
    /// characters ssh would expand); connections are then not shared.
    public static func prepare(stateDirectory: String) throws(SSHControlDirectoryError) -> SSHControlDirectory? {
        let parent = stateDirectory.count > 1 && stateDirectory.hasSuffix("/") ? String(stateDirectory.dropLast()) : stateDirectory
        let path = parent + "/" + name
        guard usableInControlPath(path) else { return nil }
        if !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw SSHControlDirectoryError(path: path, reason: LocalizedMessage("adapter.sshMux.cannotCreateParent", [
                    "parent": parent, "detail": error.localizedDescription,
                ]))
            }
        }
        try checkParent(parent, of: path)
        if mkdir(path, 0o700) == 0 {
            // The umask may have taken bits away; the mode must be exactly 0700.
            guard chmod(path, 0o700) == 0 else { throw systemError(path, LocalizedMessage("adapter.sshMux.cannotSetMode")) }
        } else if errno != EEXIST {
            throw systemError(path, LocalizedMessage("adapter.sshMux.cannotCreate"))
        }
        try checkPrivate(path)
        return SSHControlDirectory(checkedPath: path)
    }

    /// ssh splits option values at blanks and quotes and expands `%` and a leading `~`.
    static func usableInControlPath(_ path: String) -> Bool {
        path.hasPrefix("/") && path.utf8.count <= longestPath
            && !path.contains(where: { $0.isWhitespace || "%\"'\\".contains($0) })
    }

    /// Whoever may write to the state directory could swap the socket directory for their own.
    static func checkParent(_ parent: String, of path: String) throws(SSHControlDirectoryError) {
        var info = stat()
        guard stat(parent, &info) == 0 else { throw systemError(path, LocalizedMessage("adapter.sshMux.cannotReadParent", ["parent": parent])) }
        let uid = geteuid()
        if info.st_uid != uid && info.st_uid != 0 {
            throw SSHControlDirectoryError(path: path, reason: LocalizedMessage("adapter.sshMux.parentOwner", [
                "parent": parent, "owner": String(info.st_uid), "uid": String(uid),
            ]))
        }
        let writableByOthers = info.st_mode & 0o022 != 0
        let sticky = info.st_mode & S_ISVTX != 0
        if writableByOthers && !sticky {
            throw SSHControlDirectoryError(path: path, reason: LocalizedMessage("adapter.sshMux.parentWritable", [
                "parent": parent, "mode": octal(info.st_mode),
            ]))
        }
    }

    static func checkPrivate(_ path: String) throws(SSHControlDirectoryError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw systemError(path, LocalizedMessage("adapter.sshMux.cannotRead")) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw SSHControlDirectoryError(path: path, reason: LocalizedMessage("adapter.sshMux.notDirectory"))
        }
        let uid = geteuid()
        guard info.st_uid == uid else {
            throw SSHControlDirectoryError(path: path, reason: LocalizedMessage("adapter.sshMux.owner", [
                "owner": String(info.st_uid), "uid": String(uid),
            ]))
        }
        guard info.st_mode & 0o077 == 0 else {
            throw SSHControlDirectoryError(path: path, reason: LocalizedMessage("adapter.sshMux.mode", ["mode": octal(info.st_mode)]))
        }
    }

    static func octal(_ mode: mode_t) -> String {
        "0" + String(mode & 0o7777, radix: 8)
    }

    /// `what` failed, with the system's words for why (they stay as the C library gives them).
    static func systemError(_ path: String, _ what: LocalizedMessage) -> SSHControlDirectoryError {
        let system = String(cString: strerror(errno))
        return SSHControlDirectoryError(path: path, reason: LocalizedMessage("adapter.sshMux.systemError", [
            "system": system,
        ], nested: ["what": what]))
    }
}
