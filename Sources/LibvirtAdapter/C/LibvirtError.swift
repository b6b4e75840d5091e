import CLibvirt
import HostCommands
import Localization
import Reconciler

/// A libvirt failure with what libvirt itself said: its error code and domain (subsystem), its
/// message, and the C function that failed.
public struct LibvirtError: LocalizedDescription, Sendable, Equatable {
    public var code: Int32
    public var domain: Int32
    public var message: String
    public var function: String

    public init(code: Int32, domain: Int32, message: String, function: String) {
        self.code = code
        self.domain = domain
        self.message = message
        self.function = function
    }

    /// Reads and clears this thread's last libvirt error; call right after the failing function.
    static func last(function: String) -> LibvirtError {
        guard let error = virGetLastError() else {
            return LibvirtError(code: -1, domain: 0, message: "\(function) failed without an error message", function: function)
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown libvirt error"
        let result = LibvirtError(code: error.pointee.code, domain: error.pointee.domain, message: message, function: function)
        virResetLastError()
        return result
    }

    public var isNotFound: Bool {
        [VIR_ERR_NO_DOMAIN, VIR_ERR_NO_NETWORK, VIR_ERR_NO_STORAGE_POOL, VIR_ERR_NO_STORAGE_VOL]
            .map { Int32($0.rawValue) }.contains(code)
    }

    /// What a driver says when it lacks an optional flag.
    public var isUnsupportedFlag: Bool {
        code == Int32(VIR_ERR_INVALID_ARG.rawValue) || code == Int32(VIR_ERR_NO_SUPPORT.rawValue)
    }

    public var isOperationInvalid: Bool { code == Int32(VIR_ERR_OPERATION_INVALID.rawValue) }

    /// libvirt's own words as they are, framed in the user's language.
    public func description(_ localizer: Localizer) -> String {
        localizedMessage.text(localizer)
    }

    /// The same words as a message worded when shown, for a step's detail that reaches JSON too.
    public var localizedMessage: LocalizedMessage {
        LocalizedMessage("adapter.libvirt.error", ["message": message, "code": "\(code)", "function": function])
    }

    /// Any error as a message worded when shown: libvirt's framed, others in English (their words
    /// cannot be re-worded later), so JSON stays the same in every locale.
    static func message(for error: any Error) -> LocalizedMessage {
        (error as? LibvirtError)?.localizedMessage ?? .verbatim(ErrorText.english(error))
    }
}
