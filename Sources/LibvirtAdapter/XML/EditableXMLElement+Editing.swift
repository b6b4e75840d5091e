extension EditableXMLElement {
    mutating func setAttribute(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].value = value
        } else {
            attributes.append((name, value))
        }
    }

    mutating func removeAttribute(_ name: String) {
        attributes.removeAll { $0.name == name }
    }

    /// Replaces the element's character data, keeping its child elements.
    mutating func setText(_ text: String) {
        content.removeAll { node in
            if case .text = node { return true }
            return false
        }
        content.insert(.text(text), at: 0)
    }

    /// Calls `edit` on every child element that `matches`; returns how many it edited.
    @discardableResult
    mutating func editChildren(where matches: (EditableXMLElement) -> Bool, _ edit: (inout EditableXMLElement) throws -> Void) rethrows -> Int {
        var count = 0
        for index in content.indices {
            guard case .element(var element) = content[index], matches(element) else { continue }
            try edit(&element)
            content[index] = .element(element)
            count += 1
        }
        return count
    }

    /// Edits the first child element that `matches`; returns whether there was one.
    @discardableResult
    mutating func editFirstChild(where matches: (EditableXMLElement) -> Bool, _ edit: (inout EditableXMLElement) throws -> Void) rethrows -> Bool {
        for index in content.indices {
            guard case .element(var element) = content[index], matches(element) else { continue }
            try edit(&element)
            content[index] = .element(element)
            return true
        }
        return false
    }

    /// Edits the first child named `name`, creating it (appended) when there is none.
    mutating func editChild(_ name: String, _ edit: (inout EditableXMLElement) throws -> Void) rethrows {
        guard try !editFirstChild(where: { $0.name == name }, edit) else { return }
        var element = EditableXMLElement(name)
        try edit(&element)
        append(element)
    }

    mutating func removeChildren(where matches: (EditableXMLElement) -> Bool) {
        content.removeAll { node in
            if case .element(let element) = node { return matches(element) }
            return false
        }
    }

    /// Appends a child after the last child of the same name (or at the end), where a reader expects it.
    mutating func append(_ child: EditableXMLElement) {
        let last = content.lastIndex { node in
            if case .element(let element) = node { return element.name == child.name }
            return false
        }
        content.insert(.element(child), at: last.map { $0 + 1 } ?? content.endIndex)
    }
}
