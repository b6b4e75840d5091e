extension Sequence where Element == UInt8 {
    /// Lower-case hex, as digests are written everywhere in reconcile. Built byte by byte rather
    /// than with String(format:), which cost a plan of 1,000 VMs 4% of its time; inlinable, so that a
    /// digest's bytes are not read one by one through the Sequence protocol from another module.
    @inlinable
    public var hexString: String {
        var characters: [UInt8] = []
        characters.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            characters.append(Self.hexDigit(byte >> 4))
            characters.append(Self.hexDigit(byte & 0x0f))
        }
        return String(decoding: characters, as: UTF8.self)
    }

    @inlinable
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
