import Foundation

/// A size written the way people write it (`2GiB`, `512MiB`, `2G`, `10240`), stored in bytes.
public struct ByteSize: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var bytes: UInt64

    public init(bytes: UInt64) {
        self.bytes = bytes
    }

    public var kibibytes: UInt64 { bytes / 1024 }

    public static func < (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes < rhs.bytes }

    /// Binary and decimal suffixes, both accepted because `virsh`, QEMU and cloud vendors mix them;
    /// `G` means GiB as it does in `qemu-img` and libvirt's own `unit='G'`.
    private static let multipliers: [(suffix: String, factor: UInt64)] = [
        ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("TiB", 1 << 40),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000),
        ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("T", 1 << 40),
        ("B", 1),
    ]

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case empty
        case notANumber(String)
        case unknownUnit(String)
        case notPositive(String)
        case tooLarge(String)

        public var description: String {
            switch self {
            case .empty: "a size is required (for example 2GiB or 512MiB)"
            case .notANumber(let text): "'\(text)' is not a size (expected a number and a unit, for example 2GiB or 512MiB)"
            case .unknownUnit(let unit): "unknown size unit '\(unit)' (use B, KiB, MiB, GiB, TiB, K, M, G, T, KB, MB, GB or TB)"
            case .notPositive(let text): "size '\(text)' must be greater than zero"
            case .tooLarge(let text): "size '\(text)' is too large"
            }
        }
    }

    public init(parsing raw: String) throws(ParseError) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw .empty }
        let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard let value = Double(digits), !digits.isEmpty else { throw .notANumber(text) }
        guard value > 0 else { throw .notPositive(text) }
        let factor: UInt64
        if unit.isEmpty {
            factor = 1
        } else if let match = Self.multipliers.first(where: { $0.suffix == unit })
            ?? Self.multipliers.first(where: { $0.suffix.lowercased() == unit.lowercased() })
        {
            factor = match.factor
        } else {
            throw .unknownUnit(unit)
        }
        let total = value * Double(factor)
        guard total < Double(UInt64.max / 2) else { throw .tooLarge(text) }
        guard total >= 1 else { throw .notPositive(text) }
        self.bytes = UInt64(total.rounded())
    }

    /// The largest binary unit that represents the size exactly, so `2147483648` reads `2GiB`.
    public var description: String {
        for (suffix, factor) in [("TiB", UInt64(1) << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= factor && bytes % factor == 0 {
            return "\(bytes / factor)\(suffix)"
        }
        return "\(bytes)B"
    }
}
