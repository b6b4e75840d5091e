import Yams

extension YAMLNode {
    /// The same tree as Yams' composer builds it, for Yams' emitter: fields whose value is YAML
    /// passed on as text (`userData`, `autoinstall`) are serialized from it.
    var yamsNode: Node {
        switch self {
        case .scalar(let scalar):
            .scalar(Node.Scalar(scalar.string, Self.tag(scalar.tag), scalar.style))
        case .mapping(let mapping):
            .mapping(Node.Mapping(mapping.pairs.map { ($0.key.yamsNode, $0.value.yamsNode) }, Self.tag(mapping.tag)))
        case .sequence(let sequence):
            .sequence(Node.Sequence(sequence.items.map(\.yamsNode), Self.tag(sequence.tag)))
        }
    }

    private static func tag(_ name: String?) -> Tag {
        Tag(name.map(Tag.Name.init(rawValue:)) ?? .implicit, .manifests, .default)
    }
}
