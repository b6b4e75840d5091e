/// A value `CanonicalJSONEncoder` builds. Containers are references because `Encoder` hands a
/// container out before the values go into it.
enum CanonicalJSONNode {
    /// `null`, `true` or `false`.
    case literal(StaticString)
    case signed(Int64)
    case unsigned(UInt64)
    case string(String)
    case array(Items)
    case object(Members)

    final class Items {
        var nodes: [CanonicalJSONNode] = []
    }

    final class Members {
        /// In the order written; a key written twice keeps its last value, as in `JSONEncoder`.
        var nodes: [(key: String, node: CanonicalJSONNode)] = []
    }

    func write(to output: inout [UInt8]) {
        switch self {
        case .literal(let text): text.withUTF8Buffer { output.append(contentsOf: $0) }
        case .signed(let number): CanonicalJSON.writeInteger(number, to: &output)
        case .unsigned(let number): CanonicalJSON.writeUnsigned(number, to: &output)
        case .string(let text): CanonicalJSON.writeString(text, to: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, node) in items.nodes.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                node.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            // Equal keys stay in the order written; the last of them is the value.
            let order = CanonicalJSON.sortedOrder(of: members.nodes.map(\.key))
            var written = 0
            for (position, index) in order.enumerated() {
                let member = members.nodes[index]
                if position + 1 < order.count, members.nodes[order[position + 1]].key == member.key { continue }
                if written > 0 { output.append(UInt8(ascii: ",")) }
                CanonicalJSON.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.node.write(to: &output)
                written += 1
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}
