import Yams

/// Builds Yams nodes with ordered keys so rendering is byte-for-byte stable, and
/// with strings quoted whenever YAML would read them as something else
/// (`"0644"`, `yes`, commands containing `": "`).
enum YAMLBuilder {
    static func string(_ value: String) -> Node {
        let scalar = value.represented()
        if value.contains("\n") {
            return Node.scalar(Node.Scalar(value, Tag(.str), .literal))
        }
        return Node.scalar(scalar)
    }

    static func bool(_ value: Bool) -> Node {
        Node.scalar(value.represented())
    }

    static func int(_ value: Int) -> Node {
        Node(String(value), Tag(.int))
    }

    static func strings(_ values: [String]) -> Node {
        Node.sequence(Node.Sequence(values.map(string)))
    }

    static func sequence(_ values: [Node]) -> Node {
        Node.sequence(Node.Sequence(values))
    }

    /// Keys in the order given; nil values are left out.
    static func mapping(_ pairs: [(String, Node?)]) -> Node {
        Node.mapping(Node.Mapping(pairs.compactMap { key, value in value.map { (string(key), $0) } }))
    }

    static func emit(_ node: Node) throws -> String {
        try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true)
    }
}
