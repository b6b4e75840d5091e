import Foundation
import Localization

/// Who holds a hypervisor's apply lock, kept on the host itself so every control machine sees it.
public struct HostLockRecord: Sendable, Codable, Hashable {
    /// `user@machine`, for people.
    public var owner: String
    /// The machine's host name: a pid means something only there.
    public var machine: String
    public var pid: Int32
    public var started: Date
    /// Renewed while the apply runs; a record past it belongs to a run that died or hangs.
    public var expires: Date
    /// Unique per holder (a UUID), so a renewal or release never touches a lock someone else took over.
    public var token: String

    public init(owner: String, machine: String, pid: Int32, started: Date, expires: Date, token: String) {
        self.owner = owner
        self.machine = machine
        self.pid = pid
        self.started = started
        self.expires = expires
        self.token = token
    }

    /// Who holds the lock and until when, for the messages that name the holder in the reader's
    /// language ("root@ctl1 (pid 4242) since …, expires … unless renewed").
    var holderArguments: [String: String] {
        ["owner": owner, "pid": String(pid), "since": Self.format(started), "expires": Self.format(expires)]
    }

    /// The warning that the lock on `hypervisor` is taken over, saying why it may be; nil while its
    /// holder may still be working.
    public func takeover(hypervisor: String, now: Date, machine localMachine: String,
                         isProcessAlive: (Int32) -> Bool) -> LocalizedMessage? {
        let arguments = holderArguments.merging(["hypervisor": hypervisor, "machine": machine]) { $1 }
        if now > expires { return LocalizedMessage("engine.lockTakeover.expired", arguments) }
        if machine == localMachine && !isProcessAlive(pid) { return LocalizedMessage("engine.lockTakeover.processGone", arguments) }
        return nil
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
