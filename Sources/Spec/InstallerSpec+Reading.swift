import Foundation
import Localization
import Yams

extension InstallerSpec {
    /// Answer files are data written to the seed ISO; this bounds what a manifest can make reconcile write.
    static let maximumAnswerBytes = 1 << 20

    static func read(_ reader: FieldReader) -> InstallerSpec? {
        let allowHTTP = reader.bool("allowHTTP", default: false)
        let iso = ImageSource.read("iso", in: reader, allowHTTP: allowHTTP)
        if reader.node("iso") == nil { reader.missing("iso", hint: LocalizedMessage("spec.hintInstallerISO")) }
        let kernel = ImageSource.read("kernel", in: reader, allowHTTP: allowHTTP)
        let initrd = ImageSource.read("initrd", in: reader, allowHTTP: allowHTTP)
        if reader.node("kernel") == nil, reader.node("initrd") != nil { reader.error("initrd", LocalizedMessage("spec.initrdNeedsKernel")) }
        let cmdline = reader.string("cmdline")
        if cmdline != nil, reader.node("kernel") == nil {
            reader.error("cmdline", LocalizedMessage("spec.installerCmdlineNeedsKernel"))
        }
        let answer = readAnswer(reader)
        reader.rejectUnknownKeys()
        guard let iso, let answer else { return nil }
        return InstallerSpec(iso: iso, kernel: kernel, initrd: initrd, cmdline: cmdline, answer: answer, allowHTTP: allowHTTP)
    }

    /// Exactly one of autoinstall (a mapping), kickstart and preseed (text).
    private static func readAnswer(_ reader: FieldReader) -> AnswerFile? {
        let given = AnswerFile.Kind.allCases.filter { reader.node($0.rawValue) != nil }
        // Each is read, so every problem is reported at once.
        let answers = given.compactMap { readAnswer($0, reader) }
        guard given.count == 1 else {
            if given.isEmpty {
                reader.missing("kickstart", hint: LocalizedMessage("spec.hintAnswerFile"))
            } else {
                reader.error(given[1].rawValue, LocalizedMessage("spec.answerFileOnlyOne", ["files": given.map(\.rawValue).joined(separator: ", ")]))
            }
            return nil
        }
        return answers.first
    }

    private static func readAnswer(_ kind: AnswerFile.Kind, _ reader: FieldReader) -> AnswerFile? {
        var content: String?
        switch kind {
        case .autoinstall:
            // A mapping only: the manifest loader has already refused aliases and unsafe characters in it.
            guard let node = reader.node("autoinstall"), case .mapping = node else {
                reader.error("autoinstall", LocalizedMessage("spec.autoinstallNotMapping"))
                return nil
            }
            content = try? Yams.serialize(node: node.yamsNode)
            if let text = content, let problem = UnsafeCharacters.problem(in: text, multiline: true) {
                reader.error("autoinstall", problem)
                return nil
            }
        case .kickstart, .preseed:
            content = reader.requiredString(kind.rawValue, multiline: true)
        }
        guard let content else { return nil }
        if content.utf8.count > maximumAnswerBytes {
            reader.error(kind.rawValue, LocalizedMessage("spec.answerFileTooLarge", [
                "bytes": String(content.utf8.count), "maximum": String(maximumAnswerBytes),
            ]))
            return nil
        }
        if content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            reader.error(kind.rawValue, LocalizedMessage("spec.answerFileEmpty"))
            return nil
        }
        return AnswerFile(kind: kind, content: content)
    }
}
