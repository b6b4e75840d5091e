extension ChecksumFile {
    /// Parses checksum-file text. Lines that are not checksum lines (comments, PGP
    /// armor, the signature block, blank lines) are skipped rather than rejected,
    /// because publishers wrap their lists in all of these.
    public init(parsing text: String) {
        var entries: [ChecksumEntry] = []
        var loneDigest: Digest?
        var insideSignature = false
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let line = rawLine.trimmed(of: " \t\r")
            if line.hasPrefix("-----BEGIN PGP SIGNATURE") { insideSignature = true; continue }
            if line.hasPrefix("-----END PGP SIGNATURE") { insideSignature = false; continue }
            if insideSignature || line.isEmpty || line.hasPrefix("#") || line.hasPrefix("-----") {
                continue
            }
            // Clear-signed headers (`Hash: SHA256`) sit between the armor line and the body.
            if line.hasPrefix("Hash:") { continue }
            // A dash-escaped line in a clear-signed body starts with "- ".
            let body = line.hasPrefix("- ") ? String(line.dropFirst(2)) : line
            if let entry = Self.parseBSD(body) ?? Self.parseGNU(body) {
                entries.append(entry)
            } else if loneDigest == nil, let digest = try? Digest(hex: body) {
                loneDigest = digest
            }
        }
        self.init(entries: entries, loneDigest: loneDigest)
    }

    /// `SHA256 (name) = HEX`
    static func parseBSD(_ line: String) -> ChecksumEntry? {
        guard let open = line.firstIndex(of: "("),
              let close = line.range(of: ") = ", options: .backwards),
              open < close.lowerBound
        else { return nil }
        let tag = line[..<open].trimmed(of: " ")
        guard let algorithm = HashAlgorithm(tag: tag) else { return nil }
        let name = String(line[line.index(after: open)..<close.lowerBound])
        let hex = line[close.upperBound...].trimmed(of: " ")
        guard !name.isEmpty, let digest = try? Digest(algorithm: algorithm, hex: hex) else { return nil }
        return ChecksumEntry(fileName: name, digest: digest)
    }

    /// `HEX  name` (text mode) or `HEX *name` (binary mode).
    static func parseGNU(_ line: String) -> ChecksumEntry? {
        guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
        let hex = String(line[..<space])
        guard let digest = try? Digest(hex: hex) else { return nil }
        var name = line[line.index(after: space)...]
        if name.first == " " || name.first == "*" { name = name.dropFirst() }
        let fileName = name.trimmed(of: " \t")
        guard !fileName.isEmpty else { return nil }
        return ChecksumEntry(fileName: fileName, digest: digest)
    }
}
