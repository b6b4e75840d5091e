extension ManifestSet {
    /// Why `--replace` cannot rebuild each of `names`: one sentence per name that no manifest
    /// declares as a VirtualMachine, with the closest declared name.
    public func replaceProblems(_ names: [String]) -> [String] {
        let declared = virtualMachines.map(\.name)
        return names.filter { !declared.contains($0) }.map { name in
            "--replace \(name): no manifest declares a VirtualMachine named '\(name)'\(Suggestion.didYouMean(name, among: declared))"
        }
    }
}
