extension KVMDeviceProbe {
    /// Reads the one-line form used by fixture state files and by the remote
    /// python probe: "api:12", "api", "denied", "missing" or "error:TEXT".
    public init(recorded text: String) {
        switch text {
        case "missing": self = .missing
        case "denied": self = .permissionDenied
        case "api": self = .answered(apiVersion: nil)
        case let value where value.hasPrefix("api:"):
            if let version = Int(value.dropFirst(4)) {
                self = .answered(apiVersion: version)
            } else {
                self = .failed("unreadable KVM API version \"\(value.dropFirst(4))\"")
            }
        case let value where value.hasPrefix("error:"):
            self = .failed(String(value.dropFirst(6)))
        default:
            self = .failed("unknown KVM device state \"\(text)\"")
        }
    }
}
