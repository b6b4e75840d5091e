import Foundation
import Localization

/// Durations and percentages as people write them on a command line: `30s`, `5m`, `1h`, `500ms`, `10%`.
public enum IntervalText {
    /// A whole number followed by one unit (`ms`, `s`, `m`, `h`); nothing else is accepted, so a
    /// typo such as `5min` or `1.5h` is an error instead of a surprise.
    public static func duration(_ text: String) throws(UnattendedError) -> Duration {
        let units: [(suffix: String, milliseconds: Int64)] = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000)]
        for unit in units where text.hasSuffix(unit.suffix) {
            let digits = text.dropLast(unit.suffix.count)
            // "5ms" also ends in "s": only the unit whose prefix is all digits is the right one.
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let number = Int64(digits),
                  number <= Int64.max / 3_600_000 else { continue }
            return .milliseconds(number * unit.milliseconds)
        }
        throw UnattendedError(LocalizedMessage("apply.notADuration", ["text": text]))
    }

    /// `10%` (or `10`) as 0.1, between 0% and 100%.
    public static func fraction(_ text: String) throws(UnattendedError) -> Double {
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCIIDigit || $0 == "." }), let percent = Double(digits),
              percent >= 0, percent <= 100 else {
            throw UnattendedError(LocalizedMessage("apply.notAPercentage", ["text": text]))
        }
        return percent / 100
    }

    /// `1h4m30s`, `5m`, `1.5s` or `250ms`, for messages.
    public static func describe(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000
        if milliseconds < 1_000 { return "\(max(0, milliseconds))ms" }
        if milliseconds < 60_000 && milliseconds % 1_000 != 0 { return String(format: "%.1fs", Double(milliseconds) / 1_000) }
        let seconds = (milliseconds + 500) / 1_000
        let parts = [(seconds / 3_600, "h"), (seconds % 3_600 / 60, "m"), (seconds % 60, "s")]
        return parts.filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined()
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
