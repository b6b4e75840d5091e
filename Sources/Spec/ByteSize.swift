import Foundation
import Localization

/// A size written the way people write it (`2GiB`, `512MiB`, `2G`, `10240B`), stored in bytes.
/// The unit is required, and decimal units are refused with the binary one to write instead.
public struct ByteSize: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var bytes: UInt64

    public init(bytes: UInt64) {
        self.bytes = bytes
    }

    public var kibibytes: UInt64 { bytes / 1024 }

    public static func < (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes < rhs.bytes }

    /// Binary suffixes only; `G` means GiB as it does in `qemu-img` and libvirt's own `unit='G'`.
    private static let multipliers: [(suffix: String, factor: UInt64)] = [
        ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("TiB", 1 << 40),
        ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("T", 1 << 40),
        ("B", 1),
    ]

    /// Decimal units and the binary unit a user most likely meant. They are refused rather than read:
    /// beside `G` meaning GiB, `2GB` silently being 10^9 bytes is a trap.
    static let decimalUnits: [(suffix: String, decimalPower: Int, binary: String, binaryPower: Int)] = [
        ("KB", 3, "KiB", 10), ("MB", 6, "MiB", 20), ("GB", 9, "GiB", 30), ("TB", 12, "TiB", 40),
    ]

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case empty
        case notANumber(String)
        case unknownUnit(String)
        /// A number without a unit, which would silently be bytes.
        case missingUnit(String)
        /// KB, MB, GB or TB after `number`.
        case decimalUnit(number: String, unit: String)
        case notPositive(String)
        case tooLarge(String)

        public var message: DiagnosticText {
            switch self {
            case .empty: DiagnosticText(LocalizedMessage("spec.sizeEmpty"))
            case .notANumber(let text): DiagnosticText(LocalizedMessage("spec.sizeNotANumber", ["text": text]))
            case .unknownUnit(let unit): DiagnosticText(LocalizedMessage("spec.sizeUnknownUnit", ["unit": unit]))
            case .missingUnit(let text): DiagnosticText(LocalizedMessage("spec.sizeMissingUnit", ["text": text]))
            case .decimalUnit(let number, let unit): Self.decimalMessage(number: number, unit: unit)
            case .notPositive(let text): DiagnosticText(LocalizedMessage("spec.sizeNotPositive", ["text": text]))
            case .tooLarge(let text): DiagnosticText(LocalizedMessage("spec.sizeTooLarge", ["text": text]))
            }
        }

        public var description: String { message.description }

        /// "2GB is 2 × 10^9 bytes; write 2GiB for 2 × 2^30 bytes (or 2000000000B for exactly 2 × 10^9)".
        private static func decimalMessage(number: String, unit: String) -> DiagnosticText {
            guard let decimal = ByteSize.decimalUnits.first(where: { $0.suffix.lowercased() == unit.lowercased() }) else {
                return DiagnosticText(LocalizedMessage("spec.sizeUnknownUnit", ["unit": unit]))
            }
            var message = DiagnosticText(LocalizedMessage("spec.sizeDecimalUnit", [
                "number": number, "unit": unit, "decimalPower": String(decimal.decimalPower),
                "binaryUnit": decimal.binary, "binaryPower": String(decimal.binaryPower),
            ]))
            if let value = Double(number) {
                let bytes = value * pow(10, Double(decimal.decimalPower))
                if bytes.rounded() == bytes, bytes < Double(UInt64.max / 2) {
                    message = message + LocalizedMessage("spec.sizeDecimalExactBytes", [
                        "bytes": String(UInt64(bytes)), "number": number, "decimalPower": String(decimal.decimalPower),
                    ])
                }
            }
            return message
        }
    }

    public init(parsing raw: String) throws(ParseError) {
        if let bytes = Self.plainBinarySize(raw) {
            self.bytes = bytes
            return
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw .empty }
        let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard let value = Double(digits), !digits.isEmpty else { throw .notANumber(text) }
        guard value > 0 else { throw .notPositive(text) }
        guard !unit.isEmpty else { throw .missingUnit(text) }
        if Self.decimalUnits.contains(where: { $0.suffix.lowercased() == unit.lowercased() }) {
            throw .decimalUnit(number: String(digits), unit: unit)
        }
        guard let match = Self.multipliers.first(where: { $0.suffix == unit })
            ?? Self.multipliers.first(where: { $0.suffix.lowercased() == unit.lowercased() })
        else {
            throw .unknownUnit(unit)
        }
        let total = value * Double(match.factor)
        guard total < Double(UInt64.max / 2) else { throw .tooLarge(text) }
        guard total >= 1 else { throw .notPositive(text) }
        self.bytes = UInt64(total.rounded())
    }

    /// What nearly every manifest writes, `64MiB` or `2G`: whole digits and an exact binary unit, read
    /// without the general path's trimming, number parsing and case folding. Anything else is nil.
    private static func plainBinarySize(_ text: String) -> UInt64? {
        let bytes = text.utf8
        guard let unitStart = bytes.firstIndex(where: { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              unitStart != bytes.startIndex, bytes.distance(from: bytes.startIndex, to: unitStart) <= 12,
              bytes[bytes.startIndex] != UInt8(ascii: "0"),
              let number = UInt64(text[..<unitStart]),
              let factor = multipliers.first(where: { $0.suffix == text[unitStart...] })?.factor
        else { return nil }
        let (total, overflow) = number.multipliedReportingOverflow(by: factor)
        guard !overflow, total < UInt64.max / 2 else { return nil }
        return total
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
