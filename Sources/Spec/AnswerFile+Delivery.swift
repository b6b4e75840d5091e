extension AnswerFile.Kind {
    /// The seed ISO's volume label, which is how each installer finds its medium: cloud-init's
    /// NoCloud looks for `cidata`, Anaconda loads `ks.cfg` from a volume labelled `OEMDRV` by itself.
    public var seedLabel: String {
        switch self {
        case .autoinstall: "cidata"
        case .kickstart: "OEMDRV"
        case .preseed: "PRESEED"
        }
    }

    /// The answer file's name on the seed ISO (autoinstall also gets an empty `meta-data`).
    public var fileName: String {
        switch self {
        case .autoinstall: "user-data"
        case .kickstart: "ks.cfg"
        case .preseed: "preseed.cfg"
        }
    }

    /// The kernel arguments that point the installer at its answer file, for direct kernel boot.
    public var kernelArguments: String {
        switch self {
        case .autoinstall: "autoinstall ds=nocloud"
        case .kickstart: "inst.ks=hd:LABEL=OEMDRV:/ks.cfg"
        case .preseed: "auto=true priority=critical file=/media/preseed.cfg"
        }
    }
}
