extension CDROMSpec {
    /// `{pool, volume}` or `{url, checksum|checksumURL, allowHTTP?, pool?}`.
    static func read(_ reader: FieldReader) -> CDROMSpec? {
        let pool = reader.string("pool") ?? ""
        let allowHTTP = reader.bool("allowHTTP", default: false)
        let hasVolume = reader.node("volume") != nil
        let hasURL = reader.node("url") != nil
        var source: Source?
        switch (hasVolume, hasURL) {
        case (true, false):
            if let volume = reader.string("volume") {
                // A volume name, never a path: `../` or `/` would reach outside the pool.
                if Naming.isValidVolumeName(volume) {
                    source = .volume(volume)
                } else {
                    reader.error("volume", "'\(volume)' is not a volume name (letters, digits, '.', '-', '_' and '+', not starting with '.' or '-', at most 255 characters)")
                }
            }
            if allowHTTP { reader.error("allowHTTP", "only a downloaded ISO (url) can allow plain http") }
            for key in ["checksum", "checksumURL"] where reader.node(key) != nil {
                reader.error(key, "a pool volume is used as it is; \(key) belongs to a downloaded ISO (url)")
            }
        case (false, true):
            source = ImageSource.read(reader, allowHTTP: allowHTTP).map(Source.download)
        case (true, true):
            reader.error("url", "give either volume (an existing pool volume) or url (an ISO to download), not both")
        case (false, false):
            reader.missing("volume", hint: "volume: NAME of an ISO in pool, or url: and checksum: of an ISO to download")
        }
        reader.rejectUnknownKeys()
        guard let source else { return nil }
        return CDROMSpec(source: source, pool: pool, allowHTTP: allowHTTP, location: reader.location)
    }
}
