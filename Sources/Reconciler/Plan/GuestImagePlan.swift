import Spec

/// Where a provisioned VM's image, kernel, initrd and seed live, and the steps that put them there.
struct GuestImagePlan {
    var distribution: DistributionSpec
    var pool: String
    var baseDigest: String
    /// nil for an installer VM, whose disk starts blank.
    var basePath: String?
    var baseFormat: DiskFormat
    var kernelPath: String?
    var initrdPath: String?
    var cmdline: String?
    var seedDigest: String
    var seedPath: String?
    var seedVolume: String?
    /// The installer ISO, attached as the CD-ROM of a VM whose distribution has no cloud image.
    var installerISOPath: String?
    /// The installer runs by direct kernel boot and has not finished yet.
    var installing = false
    /// The installer powered off at its end: its kernel goes, and the disk boots.
    var installFinished = false
    /// Upload and seed steps the VM's volumes and definition wait for.
    var readySteps: [String] = []
}
