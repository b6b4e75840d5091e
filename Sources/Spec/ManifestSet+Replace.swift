import Localization

extension ManifestSet {
    /// Why `--replace` cannot rebuild each of `names`: one sentence per name that no manifest
    /// declares as a VirtualMachine, with the closest declared name.
    public func replaceProblems(_ names: [String]) -> [DiagnosticText] {
        let declared = virtualMachines.map(\.name)
        return names.filter { !declared.contains($0) }.map { name in
            .field("--replace \(name)", DiagnosticText(LocalizedMessage("spec.replaceUnknownVM", ["name": name])))
                + Suggestion.didYouMean(name, among: declared)
        }
    }
}
