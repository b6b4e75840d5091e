/// Where a distribution's cloud image comes from, and how to know it is the right one.
public struct CloudImageSpec: Sendable, Hashable, Codable {
    public var image: ImageSource
    public var format: DiskFormat
    /// For images without a bootloader: booted with libvirt's direct kernel boot.
    public var kernel: ImageSource?
    public var initrd: ImageSource?
    public var cmdline: String?
    /// The manifest allows plain-http downloads that nothing fetched over https vouches for;
    /// plans say so every time.
    public var allowHTTP: Bool

    public init(image: ImageSource, format: DiskFormat = .qcow2, kernel: ImageSource? = nil,
                initrd: ImageSource? = nil, cmdline: String? = nil, allowHTTP: Bool = false) {
        self.image = image
        self.format = format
        self.kernel = kernel
        self.initrd = initrd
        self.cmdline = cmdline
        self.allowHTTP = allowHTTP
    }
}
