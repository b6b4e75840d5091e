import Foundation
import HostCommands

extension DetectionReport {
    /// The same report with every string escaped for a terminal. Names, versions, paths and messages
    /// all come from the probed machine, which may be anyone's: printed raw, an escape sequence in a
    /// network name could rewrite the card a person reads. Done on the values, so the renderer's own
    /// colours stay.
    public func escapedForTerminal() throws -> DetectionReport {
        let tree = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(self))
        let escaped = try JSONSerialization.data(withJSONObject: Self.escapingStrings(in: tree))
        var report = try JSONDecoder().decode(DetectionReport.self, from: escaped)
        // JSON holds the blockers' English words only; the keys keep them translatable.
        report.hypervisors.kvm.blockers = hypervisors.kvm.blockers.map { $0.escapedForTerminal() }
        report.hypervisors.lxd.blockers = hypervisors.lxd.blockers.map { $0.escapedForTerminal() }
        report.hypervisors.virtualbox.blockers = hypervisors.virtualbox.blockers.map { $0.escapedForTerminal() }
        return report
    }

    static func escapingStrings(in value: Any) -> Any {
        switch value {
        case let text as String: TerminalText.escape(text)
        case let array as [Any]: array.map(escapingStrings)
        case let object as [String: Any]: object.mapValues(escapingStrings)
        default: value
        }
    }
}
