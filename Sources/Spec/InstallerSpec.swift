/// The ISO-installer fallback of a distribution without a cloud image (`spec.installer`): the
/// installer ISO boots from a CD-ROM onto a blank disk and reads its answer file from a seed ISO.
public struct InstallerSpec: Sendable, Hashable, Codable {
    public var iso: ImageSource
    /// Direct kernel boot, so the command line can point the installer at its answer file.
    public var kernel: ImageSource?
    public var initrd: ImageSource?
    /// Extra kernel arguments, after the ones that name the answer file.
    public var cmdline: String?
    public var answer: AnswerFile
    /// Plain-http downloads verified by inline checksums; plans say so every time.
    public var allowHTTP: Bool

    public init(iso: ImageSource, kernel: ImageSource? = nil, initrd: ImageSource? = nil, cmdline: String? = nil,
                answer: AnswerFile, allowHTTP: Bool = false) {
        self.iso = iso
        self.kernel = kernel
        self.initrd = initrd
        self.cmdline = cmdline
        self.answer = answer
        self.allowHTTP = allowHTTP
    }
}
