import CLibvirt
import CLibvirtLoader
import Glibc
import Dispatch

/// Process-wide libvirt set-up and the small helpers that turn C return codes into thrown errors.
enum Libvirt {
    /// Loads libvirt (opened at run time: see CLibvirtLoader's loader.c) and silences its default
    /// printer, once; before any other libvirt call. Throws when libvirt is not installed.
    static func prepare() throws(LibvirtError) {
        guard reconcile_libvirt_load() == 0 else {
            let reason = String(cString: reconcile_libvirt_load_error())
            throw LibvirtError(code: -1, domain: 0, message: "libvirt is not installed or cannot be loaded: \(reason)", function: "dlopen")
        }
        _ = silenceDefaultPrinter
    }

    /// libvirt prints every error to stderr by default; errors are thrown instead.
    private static let silenceDefaultPrinter: Void = {
        virSetErrorFunc(nil) { _, _ in }
        _ = virInitialize()
    }()

    /// libvirt calls block, sometimes for seconds; they run here so they never stall Swift's
    /// cooperative thread pool (2 threads on a 2-core host).
    private static let queue = DispatchQueue(label: "reconcile.libvirt", attributes: .concurrent)

    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    /// For functions returning 0 on success and -1 on failure.
    @discardableResult
    static func check(_ result: Int32, _ function: String) throws(LibvirtError) -> Int32 {
        guard result >= 0 else { throw LibvirtError.last(function: function) }
        return result
    }

    /// For functions returning a pointer or NULL.
    static func check<Pointer>(_ result: Pointer?, _ function: String) throws(LibvirtError) -> Pointer {
        guard let result else { throw LibvirtError.last(function: function) }
        return result
    }

    /// Takes ownership of a malloc'ed C string returned by libvirt.
    static func takeString(_ pointer: UnsafeMutablePointer<CChar>?, _ function: String) throws(LibvirtError) -> String {
        guard let pointer else { throw LibvirtError.last(function: function) }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
