extension ParsedDocument {
    /// What the event and tree readers fill in.
    struct Builder {
        var bytes: [UInt8] = []
        var nodes: [Node] = []
        var attributes: [Attribute] = []
        /// The elements open at this point of the document, each with its last child so far.
        private var open: [(node: Int32, lastChild: Int32)] = []

        init() {
            bytes.reserveCapacity(4096)
            nodes.reserveCapacity(64)
            attributes.reserveCapacity(64)
        }

        /// A builder whose buffer starts as a copy of `text`, for spans of the document itself.
        init(copying text: UnsafeBufferPointer<UInt8>) {
            bytes.reserveCapacity(text.count + 256)
            bytes.append(contentsOf: text)
        }

        mutating func append(_ characters: UnsafePointer<UInt8>, count: Int) -> Span {
            let span = Span(start: Int32(bytes.count), count: Int32(count))
            bytes.append(contentsOf: UnsafeBufferPointer(start: characters, count: count))
            return span
        }

        mutating func append<Bytes: Collection<UInt8>>(contentsOf characters: Bytes) -> Span {
            let span = Span(start: Int32(bytes.count), count: Int32(characters.count))
            bytes.append(contentsOf: characters)
            return span
        }

        /// Opens an element whose name and namespace were added with `append`, and whose attributes are
        /// `attributes[firstAttribute...]`.
        mutating func startElement(name: Span, localOffset: Int32, namespace: Span?, firstAttribute: Int) {
            let index = Int32(nodes.count)
            nodes.append(Node(name: name, localOffset: localOffset, namespace: namespace,
                              firstAttribute: Int32(firstAttribute), attributeCount: Int32(attributes.count - firstAttribute)))
            link(index)
            open.append((index, -1))
        }

        mutating func endElement() {
            guard let closed = open.popLast() else { return }
            dropIndentation(of: closed.node)
        }

        /// Whitespace between child elements is indentation, not text: libxml2's tree leaves it out too
        /// (XML_PARSE_NOBLANKS), and an element's text is then the same from either reader.
        private mutating func dropIndentation(of parent: Int32) {
            var child = nodes[Int(parent)].firstChild
            var hasElements = false
            while child >= 0, !hasElements {
                hasElements = !nodes[Int(child)].isText
                child = nodes[Int(child)].nextSibling
            }
            guard hasElements else { return }
            var previous: Int32 = -1
            child = nodes[Int(parent)].firstChild
            while child >= 0 {
                let next = nodes[Int(child)].nextSibling
                if nodes[Int(child)].isText && isWhitespace(nodes[Int(child)].name) {
                    if previous >= 0 { nodes[Int(previous)].nextSibling = next } else { nodes[Int(parent)].firstChild = next }
                } else {
                    previous = child
                }
                child = next
            }
        }

        private func isWhitespace(_ span: Span) -> Bool {
            bytes[Int(span.start)..<Int(span.start + span.count)].allSatisfy { byte in
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            }
        }

        /// Text inside the open element; a run that continues the last one (libxml2 hands long text,
        /// and the text around a character reference, in several pieces) extends it.
        mutating func text(_ span: Span) {
            guard let parent = open.last, span.count > 0 else { return }
            let last = parent.lastChild
            if last >= 0, nodes[Int(last)].isText, nodes[Int(last)].name.start + nodes[Int(last)].name.count == span.start {
                nodes[Int(last)].name.count += span.count
                return
            }
            let index = Int32(nodes.count)
            nodes.append(Node(name: span, isText: true))
            link(index)
        }

        /// Makes `index` the last child of the open element (the root has no parent).
        private mutating func link(_ index: Int32) {
            guard let parent = open.last else { return }
            if parent.lastChild >= 0 {
                nodes[Int(parent.lastChild)].nextSibling = index
            } else {
                nodes[Int(parent.node)].firstChild = index
            }
            open[open.count - 1].lastChild = index
        }
    }
}
