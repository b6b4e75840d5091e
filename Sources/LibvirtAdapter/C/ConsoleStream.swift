import CLibvirt

/// A guest's serial console through libvirt (`virDomainOpenConsole` on a `virStream`), so it works to
/// remote hosts over libvirt's own connection. One thread may block in `receive` while another sends:
/// libvirt's client serialises the two on its connection.
public final class ConsoleStream: @unchecked Sendable {
    private let stream: OpaquePointer
    /// The stream lives on this connection: it stays open as long as the console does.
    private let connection: LibvirtConnection

    init(connection: LibvirtConnection, domain: DomainHandle, force: Bool) throws(LibvirtError) {
        self.connection = connection
        stream = try Libvirt.check(virStreamNew(connection.pointer, 0), "virStreamNew")
        // Without FORCE, a console another client holds is refused rather than taken over.
        let flags = force ? UInt32(VIR_DOMAIN_CONSOLE_FORCE.rawValue) : 0
        if virDomainOpenConsole(domain.pointer, nil, stream, flags) < 0 {
            let error = LibvirtError.last(function: "virDomainOpenConsole")
            virStreamFree(stream)
            throw error
        }
    }

    deinit {
        virStreamFree(stream)
    }

    /// Blocks until the guest writes; returns the byte count, 0 when the console closed.
    public func receive(into buffer: UnsafeMutableRawBufferPointer) throws(LibvirtError) -> Int {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return 0 }
        return Int(try Libvirt.check(virStreamRecv(stream, base, buffer.count), "virStreamRecv"))
    }

    public func send(_ bytes: UnsafeRawBufferPointer) throws(LibvirtError) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
        var offset = 0
        while offset < bytes.count {
            offset += Int(try Libvirt.check(virStreamSend(stream, base + offset, bytes.count - offset), "virStreamSend"))
        }
    }

    /// Ends the session; a `receive` blocked in another thread then returns with an error.
    public func close() {
        virStreamAbort(stream)
    }
}
