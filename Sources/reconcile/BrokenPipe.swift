#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A peer that goes away must be an error on the write, not the death of the process.
///
/// libvirt's remote driver writes to the socket it shares with `ssh`; when the host's link
/// drops, ssh exits, and the next write raises SIGPIPE, whose default action kills reconcile
/// with status 141 before any host summary is printed. libvirt asks its client programs to
/// handle SIGPIPE for that reason. A no-op handler rather than SIG_IGN: a caught signal is
/// reset to its default across exec, so ssh, git and the package manager still start with
/// the SIGPIPE behaviour they expect, where an ignored one would be inherited.
enum BrokenPipe {
    static func survive() {
        _ = signal(SIGPIPE) { _ in }
    }
}
