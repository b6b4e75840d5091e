import CLibvirt
import Foundation

/// Owns a `virStreamPtr`: data sent through it reaches the host over libvirt's own connection,
/// so uploads work to remote hosts as well as local ones.
final class StreamHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    private var finished = false

    init(connection: LibvirtConnection) throws(LibvirtError) {
        pointer = try Libvirt.check(virStreamNew(connection.pointer, 0), "virStreamNew")
    }

    deinit {
        if !finished { virStreamAbort(pointer) }
        virStreamFree(pointer)
    }

    /// Sends the whole file, reporting progress every chunk.
    func send(file: URL, progress: (UInt64) -> Void) throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var sent: UInt64 = 0
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            try sendAll(chunk)
            sent += UInt64(chunk.count)
            progress(sent)
        }
        try Libvirt.check(virStreamFinish(pointer), "virStreamFinish")
        finished = true
    }

    private func sendAll(_ chunk: Data) throws {
        var offset = 0
        while offset < chunk.count {
            let result = chunk.withUnsafeBytes { buffer -> Int32 in
                guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return 0 }
                return virStreamSend(pointer, base + offset, buffer.count - offset)
            }
            offset += Int(try Libvirt.check(result, "virStreamSend"))
        }
    }
}
