#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Talks to this machine's kernel directly.
public struct LocalDeviceProber: DeviceProber {
    /// KVM_GET_API_VERSION = _IO(KVMIO=0xAE, 0x00); stable since Linux 2.6.22.
    static let kvmGetAPIVersion: UInt = 0xAE00

    public init() {}

    public func probeKVMDevice(at path: String) async -> KVMDeviceProbe {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            switch code {
            case ENOENT: return .missing
            case EACCES, EPERM: return .permissionDenied
            default: return .failed("open \(path): \(String(cString: strerror(code)))")
            }
        }
        defer { close(fd) }
        let version = ioctl(fd, Self.kvmGetAPIVersion)
        if version < 0 {
            return .failed("ioctl KVM_GET_API_VERSION on \(path): \(String(cString: strerror(errno)))")
        }
        return .answered(apiVersion: Int(version))
    }

    public func canConnect(unixSocket path: String) async -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in pathBytes.enumerated() { buffer[index] = byte }
            buffer[pathBytes.count] = 0
        }
        #if canImport(Glibc) || canImport(Musl)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }

    public func isProcessAlive(pid: Int) async -> Bool {
        guard pid > 0, let pid32 = Int32(exactly: pid) else { return false }
        // Signal 0 only checks existence; EPERM means it exists but is not ours.
        return kill(pid32, 0) == 0 || errno == EPERM
    }

    public func currentUser() async -> UserIdentity {
        let uid = Int(getuid())
        var groupIDs = [gid_t](repeating: 0, count: 256)
        let count = getgroups(Int32(groupIDs.count), &groupIDs)
        var ids = Set(groupIDs.prefix(max(0, Int(count))))
        ids.insert(getgid())
        let names = ids.compactMap { gid -> String? in
            guard let entry = getgrgid(gid), let name = entry.pointee.gr_name else { return nil }
            return String(cString: name)
        }
        return UserIdentity(uid: uid, groups: names.sorted())
    }
}
