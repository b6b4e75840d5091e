/// The shape of a manifest field's value, as docs and the JSON Schema describe it.
public indirect enum FieldType: Sendable {
    case string
    case integer
    case boolean
    /// A byte size written with a unit, such as 2GiB.
    case size
    /// One of a fixed set of strings.
    case choice([String])
    case object(ObjectDescription)
    case list(FieldType)
    /// Any of several shapes, such as a network name or a `{network, mac}` mapping.
    case either([FieldType])
    /// A mapping of free-form string keys to string values (labels).
    case stringMap
    /// Any YAML mapping, passed on as it is (cloud-config).
    case anyMapping

    /// How the docs name the type.
    public var summary: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .boolean: "boolean"
        case .size: "size"
        case .choice(let values): values.joined(separator: " | ")
        case .object(let object): "mapping (`\(object.path)`)"
        case .list(let item): "list of \(item.summary)"
        case .either(let types): types.map(\.summary).joined(separator: " or ")
        case .stringMap: "mapping of strings"
        case .anyMapping: "mapping"
        }
    }
}
