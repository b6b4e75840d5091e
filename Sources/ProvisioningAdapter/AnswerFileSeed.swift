import Foundation
import Provisioning
import Spec

/// The seed ISO of an installer VM: its answer file under the name and volume label its installer
/// looks for. The manifest's text is written as file content only, never run or parsed here.
struct AnswerFileSeed: Sendable {
    let label: String
    let files: [(name: String, content: String)]

    init(_ answer: AnswerFile, guest: String) {
        label = answer.kind.seedLabel
        switch answer.kind {
        case .autoinstall:
            // Subiquity reads `autoinstall:` from NoCloud user-data; the mapping is nested by indenting it.
            let nested = answer.content.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  \($0)" }.joined(separator: "\n")
            files = [("meta-data", "instance-id: \(guest)\nlocal-hostname: \(guest)\n"),
                     ("user-data", "#cloud-config\nautoinstall:\n\(nested)")]
        case .kickstart, .preseed:
            files = [(answer.kind.fileName, answer.content)]
        }
    }

    /// Changes exactly when the label or a file changes; each part is framed by its length.
    var digest: String {
        var data = Data()
        for (name, content) in [("label", label)] + files {
            let bytes = Data(content.utf8)
            data.append(Data("\(name)\n\(bytes.count)\n".utf8))
            data.append(bytes)
        }
        return Digest.of(data, algorithm: .sha256).description
    }
}
