import Spec

/// Where a provisioned VM's image, kernel, initrd and seed live, and the steps that put them there.
struct GuestImagePlan {
    var distribution: DistributionSpec
    var pool: String
    var baseDigest: String
    var basePath: String
    var baseFormat: DiskFormat
    var kernelPath: String?
    var initrdPath: String?
    var cmdline: String?
    var seedDigest: String
    var seedPath: String?
    var seedVolume: String?
    /// Upload and seed steps the VM's volumes and definition wait for.
    var readySteps: [String] = []
}
