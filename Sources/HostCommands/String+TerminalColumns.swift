extension String {
    /// How many terminal columns the text takes: East Asian wide characters take two, combining marks
    /// none, so translated labels line up in Japanese, Chinese, Korean and Hindi as in English.
    public var terminalColumns: Int {
        unicodeScalars.reduce(0) { total, scalar in
            total + Self.columns(of: scalar)
        }
    }

    /// The text followed by spaces up to `columns` terminal columns (never cut).
    public func paddedToColumns(_ columns: Int) -> String {
        self + String(repeating: " ", count: max(0, columns - terminalColumns))
    }

    private static func columns(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
