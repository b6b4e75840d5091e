import Spec

/// One cloud image file (disk image, kernel or initrd) on its way from its URL to a pool volume.
public struct ImageTransfer: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable {
        case disk
        case kernel
        case initrd
        /// An installer ISO or a VM's downloaded cdrom.
        case iso
    }

    /// The Distribution the file belongs to, or `cdrom of VM` for a VM's own cdrom.
    public var distribution: String
    public var role: Role
    public var source: ImageSource
    /// `sha256:HEX`, resolved when the plan was made.
    public var digest: String
    /// The base volume, named by digest so it is uploaded once and shared by every VM.
    public var volume: VolumeDefinition

    public init(distribution: String, role: Role, source: ImageSource, digest: String, volume: VolumeDefinition) {
        self.distribution = distribution
        self.role = role
        self.source = source
        self.digest = digest
        self.volume = volume
    }

    /// `base-sha256-HEX.qcow2`, `kernel-sha256-HEX`, `initrd-sha256-HEX`; see `ImageVolumeNaming`.
    public static func volumeName(role: Role, digest: String, format: DiskFormat) -> String {
        let key = digest.replacingOccurrences(of: ":", with: "-")
        switch role {
        case .disk: return "base-\(key).\(format.fileExtension)"
        case .kernel: return "kernel-\(key)"
        case .initrd: return "initrd-\(key)"
        case .iso: return "iso-\(key).iso"
        }
    }
}
