import Localization

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
                reader.error("volume", LocalizedMessage("spec.cdromNotVolumeName", ["volume": volume]))
            }
            if allowHTTP { reader.error("allowHTTP", LocalizedMessage("spec.cdromHTTPNeedsURL")) }
            for key in ["checksum", "checksumURL"] where reader.node(key) != nil {
                reader.error(key, LocalizedMessage("spec.cdromVolumeNoChecksum", ["key": key]))
            }
        case (false, true):
            source = download.map(Source.download)
        case (true, true):
            reader.error("url", LocalizedMessage("spec.cdromVolumeOrURL"))
        case (false, false):
            reader.missing("volume", hint: LocalizedMessage("spec.hintCDROMSource"))
        }
        reader.rejectUnknownKeys()
        guard let source else { return nil }
        return CDROMSpec(source: source, pool: pool, allowHTTP: allowHTTP, location: reader.location)
    }
}
