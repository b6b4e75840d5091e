/// The CPU feature flags from /proc/cpuinfo (the first `flags` line; all
/// cores report the same set).
public struct CPUFlags: Sendable, Equatable {
    public var flags: Set<String>

    public init(flags: Set<String>) {
        self.flags = flags
    }

    public init(parsingCPUInfo text: String) {
        var flags: Set<String> = []
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmingWhitespace == "flags" {
                flags = Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
                break
            }
        }
        self.flags = flags
    }

    /// Intel VT-x.
    public var hasVMX: Bool { flags.contains("vmx") }
    /// AMD-V.
    public var hasSVM: Bool { flags.contains("svm") }
    /// Set by the CPU when the kernel itself runs inside a virtual machine.
    public var runsUnderHypervisor: Bool { flags.contains("hypervisor") }
    public var hasHardwareVirtualization: Bool { hasVMX || hasSVM }

    /// The virtualisation-relevant flags present, in a fixed order.
    public var virtualizationFlags: [String] {
        ["vmx", "svm", "hypervisor"].filter(flags.contains)
    }
}
