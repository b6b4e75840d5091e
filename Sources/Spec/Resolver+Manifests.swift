import Yams

extension Resolver {
    /// Yams' default tag rules, after one that settles most plain scalars of a manifest at once.
    ///
    /// Yams resolves a plain scalar's tag by trying each default rule's regular expression in turn,
    /// and it does so whenever the tag is asked for: to find duplicate keys it hashes every key, then
    /// readers ask again. Keys and most values start with a letter, and such a scalar can only
    /// resolve to a bool or a null (every other rule wants a digit, a sign, '.', '~', '<<' or '='),
    /// so the first rule calls it a string unless it is one of those words: the same tag as with
    /// `.default`, in one match instead of seven.
    public static let manifests: Resolver = Resolver.default.rules.reduce(Resolver.basic.appending(plainWord)) { $0.appending($1) }

    /// A scalar starting with an ASCII letter that is not a bool or null word (the words as `.bool`
    /// and `.null` spell them, with the same `$`, which also matches before a final line break).
    static let plainWord: Rule = {
        do {
            return try Rule(.str, "^(?!(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$)[A-Za-z]")
        } catch {
            // A constant pattern that compiles. Were it ever not to, a second null rule in front changes
            // no tag: nothing a null matches is a bool, int, float or merge key.
            return .null
        }
    }()
}
