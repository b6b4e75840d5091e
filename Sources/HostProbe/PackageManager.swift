/// The package managers reconcile knows how to drive.
public enum PackageManager: String, Sendable, Codable, CaseIterable {
    case apt, dnf, zypper, apk

    /// Picks the package manager from the distribution id, then from ID_LIKE
    /// so derivatives (Linux Mint, AlmaLinux...) are recognised.
    public init?(distributionID: String, idLike: [String]) {
        for candidate in [distributionID] + idLike {
            if let manager = Self.byDistribution(candidate) {
                self = manager
                return
            }
        }
        return nil
    }

    static func byDistribution(_ id: String) -> PackageManager? {
        switch id {
        case "debian", "ubuntu": .apt
        case "fedora", "rhel", "centos", "almalinux", "rocky": .dnf
        case "alpine": .apk
        case let suse where suse.hasPrefix("opensuse") || suse == "suse" || suse == "sles": .zypper
        default: nil
        }
    }
}
