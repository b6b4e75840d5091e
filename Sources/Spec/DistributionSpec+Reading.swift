import Localization

extension DistributionSpec {
    static func read(_ spec: FieldReader, metadata: ResourceMetadata) -> DistributionSpec? {
        let displayName = spec.string("displayName") ?? metadata.name
        let family = spec.choice("family", default: Family?.none)
        if spec.node("family") == nil { spec.missing("family", hint: LocalizedMessage("spec.hintOneOf", ["options": "debian, rhel, suse, alpine, freebsd"])) }
        var cloudImage: CloudImageSpec?
        var installer: InstallerSpec?
        if let reader = spec.mappingReader("cloudImage") {
            cloudImage = CloudImageSpec.read(reader)
        }
        if let reader = spec.mappingReader("installer") {
            if spec.node("cloudImage") != nil {
                spec.error("installer", LocalizedMessage("spec.cloudImageAndInstaller"))
            }
            installer = InstallerSpec.read(reader)
        }
        if spec.node("cloudImage") == nil && spec.node("installer") == nil {
            spec.missing("cloudImage", hint: LocalizedMessage("spec.hintCloudImage"))
        }
        // Shell commands run in the guest: a script may span lines.
        let agentInstall = spec.stringList("agentInstall", multiline: true)
        let defaultUser = spec.string("defaultUser")
        if let defaultUser, let problem = Naming.userNameProblem(defaultUser) { spec.error("defaultUser", problem) }
        let installGuestAgent = spec.bool("installGuestAgent", default: true)
        spec.rejectUnknownKeys()
        guard let family, cloudImage != nil || installer != nil else { return nil }
        return DistributionSpec(metadata: metadata, displayName: displayName, family: family,
                                cloudImage: installer == nil ? cloudImage : nil, agentInstall: agentInstall, defaultUser: defaultUser,
                                installGuestAgent: installGuestAgent, installer: installer)
    }
}

extension CloudImageSpec {
    static func read(_ reader: FieldReader) -> CloudImageSpec? {
        let allowHTTP = reader.bool("allowHTTP", default: false)
        let image = ImageSource.read(reader, allowHTTP: allowHTTP)
        let format = reader.choice("format", default: DiskFormat.qcow2) ?? .qcow2
        let kernel = ImageSource.read("kernel", in: reader, allowHTTP: allowHTTP)
        let initrd = ImageSource.read("initrd", in: reader, allowHTTP: allowHTTP)
        let cmdline = reader.string("cmdline")
        if kernel == nil, initrd != nil { reader.error("initrd", LocalizedMessage("spec.initrdNeedsKernel")) }
        reader.rejectUnknownKeys()
        guard let image else { return nil }
        return CloudImageSpec(image: image, format: format, kernel: kernel, initrd: initrd, cmdline: cmdline,
                              allowHTTP: allowHTTP)
    }
}

extension ImageSource {
    /// Reads `url` plus exactly one of `checksum` (`sha256:HEX`) and `checksumURL`, each URL checked
    /// by `ImageURLPolicy`.
    static func read(_ reader: FieldReader, allowHTTP: Bool) -> ImageSource? {
        let url = reader.requiredString("url")
        let inline = reader.string("checksum")
        let fileURL = reader.string("checksumURL")
        if let url, let problem = ImageURLPolicy.problem(url, role: .download, inlineChecksum: inline != nil, allowHTTP: allowHTTP) {
            reader.error("url", problem)
        }
        var checksum: Checksum?
        switch (inline, fileURL) {
        case (let text?, nil):
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            let lengths = ["sha256": 64, "sha512": 128]
            // ASCII only: Character.isHexDigit also accepts full-width digits.
            if parts.count == 2, let length = lengths[parts[0].lowercased()], parts[1].utf8.count == length,
               parts[1].allSatisfy({ $0.isASCII && $0.isHexDigit }) {
                checksum = .inline(algorithm: parts[0].lowercased(), hex: parts[1].lowercased())
            } else {
                reader.error("checksum", LocalizedMessage("spec.invalidChecksum", ["value": text]))
            }
        case (nil, let checksumURL?):
            if let problem = ImageURLPolicy.problem(checksumURL, role: .checksumFile, inlineChecksum: false, allowHTTP: allowHTTP) {
                reader.error("checksumURL", problem)
            } else {
                checksum = .file(url: checksumURL)
            }
        case (.some, .some):
            reader.error("checksumURL", LocalizedMessage("spec.checksumAndChecksumURL"))
        case (nil, nil):
            reader.missing("checksum", hint: LocalizedMessage("spec.hintChecksum"))
        }
        guard let url, let checksum else { return nil }
        return ImageSource(url: url, checksum: checksum)
    }

    /// The image source in the mapping under `key` (`kernel: {url, checksum}`), whose keys are all
    /// its own; nil when the key is absent or the source is invalid.
    static func read(_ key: String, in reader: FieldReader, allowHTTP: Bool) -> ImageSource? {
        reader.mappingReader(key).flatMap { nested in
            defer { nested.rejectUnknownKeys() }
            return read(nested, allowHTTP: allowHTTP)
        }
    }
}
