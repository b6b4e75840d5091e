import Foundation
import Localization

/// libvirt's ssh transport runs `ssh` itself and offers no way to pass `-F`. So that `--ssh-config`
/// reaches qemu+ssh connections too (IdentityFile, pinned host keys, ProxyJump), reconcile writes a
/// small program that runs `ssh -F CONFIG` with libvirt's arguments and names it in the URI's
/// `command=` parameter. It lives in the private socket directory (see SSHControlDirectory), which
/// only this user may write to, so nobody else can swap the program libvirt runs.
public enum LibvirtSSHWrapper {
    public static let name = "libvirt-ssh"

    /// The program's text; `configFile` must be absolute (libvirt runs ssh from its own cwd).
    public static func script(configFile: String) -> String {
        "#!/bin/sh\n# Written by reconcile: libvirt's ssh transport, reading --ssh-config.\nexec ssh -F \(ShellQuote.quote(configFile)) \"$@\"\n"
    }

    /// Writes the program for `configFile` (made absolute) under `stateDirectory`, mode 0700, by
    /// rename so that a connection opening meanwhile never runs half a file; returns its path.
    public static func install(configFile: String, stateDirectory: String) throws -> String {
        guard let directory = try SSHControlDirectory.prepare(stateDirectory: stateDirectory) else {
            throw SSHControlDirectoryError(path: stateDirectory,
                                           reason: LocalizedMessage("adapter.sshMux.unusableStateDirectory"))
        }
        let absolute = URL(fileURLWithPath: configFile).standardizedFileURL.path
        let path = directory.path + "/" + name
        let temporary = path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(script(configFile: absolute).utf8),
                                             attributes: [.posixPermissions: 0o700]) else {
            throw SSHControlDirectoryError(path: temporary, reason: LocalizedMessage("adapter.sshMux.cannotWrite"))
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SSHControlDirectoryError(path: path, reason: LocalizedMessage("adapter.sshMux.cannotMove", ["file": temporary]))
        }
        return path
    }
}
