extension Sequence where Element == UInt8 {
    /// Lower-case hex, as digests are written everywhere in reconcile. Written straight into the
    /// string's storage rather than with String(format:), which cost a plan of 1,000 VMs 4% of its
    /// time, or by appending to an array first (a plan hashes every VM: 3.9M instructions of it went
    /// to this); inlinable, so that a digest's bytes are not read one by one through the Sequence
    /// protocol from another module.
    @inlinable
    public var hexString: String {
        let bytes = Array(self)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { characters in
            for (index, byte) in bytes.enumerated() {
                characters[2 * index] = Self.hexDigit(byte >> 4)
                characters[2 * index + 1] = Self.hexDigit(byte & 0x0f)
            }
            return bytes.count * 2
        }
    }

    @inlinable
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
