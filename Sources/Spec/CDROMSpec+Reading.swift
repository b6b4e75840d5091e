extension CDROMSpec {
    /// `{pool, volume}` or `{url, checksum|checksumURL, allowHTTP?, pool?}`.
    static func read(_ reader: FieldReader) -> CDROMSpec? {
        let pool = reader.string("pool") ?? ""
        let allowHTTP = reader.bool("allowHTTP", default: false)
        let volume = reader.string("volume")
        let download = reader.node("url") == nil ? nil : ImageSource.read(reader, allowHTTP: allowHTTP)
        var source: Source?
        switch (reader.node("volume") != nil, reader.node("url") != nil) {
        case (true, false):
            // A volume name, never a path: `../` or `/` would reach outside the pool.
            if let volume, Naming.isValidVolumeName(volume) {
                source = .volume(volume)
            } else if let volume {
                reader.error("volume", "'\(volume)' is not a volume name (letters, digits, '.', '-', '_' and '+', not starting with '.' or '-', at most 255 characters)")
            }
            if allowHTTP { reader.error("allowHTTP", "only a downloaded ISO (url) can allow plain http") }
            for key in ["checksum", "checksumURL"] where reader.node(key) != nil {
                reader.error(key, "a pool volume is used as it is; \(key) belongs to a downloaded ISO (url)")
            }
        case (false, true):
            source = download.map(Source.download)
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
