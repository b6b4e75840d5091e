import Foundation

/// Who this process is, as lock records name it, and how to tell whether a local pid still runs.
public struct LockIdentity: Sendable {
    public var user: String
    public var machine: String
    public var pid: Int32

    public init(user: String, machine: String, pid: Int32) {
        self.user = user
        self.machine = machine
        self.pid = pid
    }

    /// This process.
    public static var current: LockIdentity {
        let environment = ProcessInfo.processInfo.environment
        // The password database first: `ip netns exec`, cron and systemd units often set no USER.
        let user = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
            ?? environment["USER"] ?? "uid\(getuid())"
        return LockIdentity(user: user, machine: ProcessInfo.processInfo.hostName, pid: getpid())
    }

    public var owner: String { "\(user)@\(machine)" }

    /// `kill(pid, 0)` succeeds, or fails only for lack of permission: the process exists.
    public static func isProcessAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
