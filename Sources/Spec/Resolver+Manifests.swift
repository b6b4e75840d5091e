import Yams

extension Resolver {
    /// No implicit tag rules: every plain scalar of a manifest is a string, and the field that reads it
    /// decides what its text means (a count, a bool word, a size, a null word: `FieldReader`).
    ///
    /// Yams' default rules are regular expressions, tried one after another on every plain scalar, keys
    /// included (it hashes keys to find duplicates): with a thousand VMs that was a tenth of `plan`'s
    /// time, to compute tags nothing here reads. Explicit tags (`!!null`) are still the parser's.
    public static let manifests: Resolver = .basic
}
