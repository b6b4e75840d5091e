import Localization
import Yams

/// Merges user-supplied cloud-config over the generated one.
enum UserDataMerge {
    /// Top-level keys: lists are appended, mappings merged key by key (extra wins),
    /// anything else is replaced by the extra value. New keys keep the extra's order.
    static func merge(_ base: Node, extra text: String) throws -> Node {
        let parsed: Node?
        do {
            parsed = try Yams.compose(yaml: text)
        } catch {
            throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.userDataInvalidYAML", ["detail": "\(error)"]))
        }
        guard let parsed else { return base }
        guard case .mapping(let extra) = parsed, case .mapping(let generated) = base else {
            throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.userDataNotMapping"))
        }
        var pairs = Array(generated)
        for (key, value) in extra {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                pairs[index].value = combine(pairs[index].value, value)
            } else {
                pairs.append((key, value))
            }
        }
        return Node.mapping(Node.Mapping(pairs.map { ($0.key, $0.value) }))
    }

    private static func combine(_ old: Node, _ new: Node) -> Node {
        switch (old, new) {
        case (.sequence(let a), .sequence(let b)):
            return Node.sequence(Node.Sequence(Array(a) + Array(b)))
        case (.mapping(let a), .mapping(let b)):
            var pairs = Array(a)
            for (key, value) in b {
                if let index = pairs.firstIndex(where: { $0.key == key }) {
                    pairs[index].value = value
                } else {
                    pairs.append((key, value))
                }
            }
            return Node.mapping(Node.Mapping(pairs.map { ($0.key, $0.value) }))
        default:
            return new
        }
    }
}
