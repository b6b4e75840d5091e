import Yams

/// A manifest's YAML node, built by `YAMLEventScanner` from the LibYAML events it reads anyway, so a
/// file is parsed once. Yams composing a second tree from a second parse was a fifth of loading a
/// large fleet's manifests, most of it copying its nodes and hashing every mapping's keys.
///
/// Aliases are resolved (an alias is a copy of its anchor's node, as in Yams' composer, and the
/// anchors are gone, as Yams' weak references to them are once its parser is); tags are
/// kept as Yams' composer keeps them (a quoted scalar's is `!!str`, an untagged plain one's `nil`):
/// the manifests have no implicit tag rules (`Resolver.manifests`), so the field that reads a plain
/// scalar decides what its text means. Collections keep no style: Yams' composer reads theirs from
/// the end event, which has none, so its trees re-serialize in the emitter's own choice of style.
indirect enum YAMLNode {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Where a node starts, 1-based as editors count (columns in Unicode scalars, as LibYAML counts).
    struct Mark: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar {
        var string: String
        var tag: String?
        var style: Node.Scalar.Style
        var mark: Mark
    }

    struct Mapping {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var tag: String?
        var mark: Mark

        /// Up to this many keys, a mapping's keys are found by walking them (the scanner's duplicate
        /// check, the field reader's lookups); beyond it, by hash. Manifest mappings are small, and a
        /// walk along a few keys costs less than hashing each; a hostile mapping of many thousand
        /// keys would make every walk long.
        static let walkedKeys = 16
    }

    struct Sequence {
        var items: [YAMLNode]
        var tag: String?
        var mark: Mark
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    /// A scalar's text, whatever its tag; nil for a collection.
    var string: String? {
        guard case .scalar(let scalar) = self else { return nil }
        return scalar.string
    }
}
