/// A piece of an `EditableXMLElement`'s content: a child element or character data, in document order.
enum EditableXMLNode: Sendable {
    case element(EditableXMLElement)
    case text(String)
}
