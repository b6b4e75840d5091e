import Foundation

extension ParsedDocument {
    /// Reads the XML libvirt writes into a new builder without libxml2; nil for any document outside that
    /// plain form, which libxml2 then reads (or rejects, in its own words).
    ///
    /// libvirt writes ASCII elements, attributes and text, with the five predefined entities and namespace
    /// declarations in its metadata. Handing such a document to libxml2 cost a copy of every name through
    /// its dictionary, a callback per element, attribute and run of text, and a `strlen` of every name:
    /// two thirds of reading a domain definition, on the threads that read 1,000 of them while libvirtd
    /// is busy sending them. Here the builder's buffer starts as a copy of the document, and names,
    /// values and text are spans of it (198k instructions per definition with libxml2, 73k here).
    ///
    /// Plain means: it starts with its root element and ends with it (whitespace after it aside); every
    /// byte is ASCII, and no control character but a tab or a line feed; no declaration, comment, CDATA
    /// section, processing instruction or DTD; no reference but `&lt;` `&gt;` `&amp;` `&quot;` `&apos;`;
    /// no prefixed attribute, no tab or line feed inside an attribute value (which XML would turn into
    /// spaces), no reference in a namespace URI (libxml2 hands `&` on as `&#38;`); at most 256 levels of elements and 10 MB. Anything else, well formed or not, is left to
    /// libxml2, so what this reads is read exactly as libxml2 reads it (ParsedXMLTests compares both on
    /// mutated documents).
    static func scan(_ text: String) -> Builder? {
        var text = text
        return text.withUTF8 { input in
            var scanner = Scanner(input)
            return scanner.document() ? scanner.builder : nil
        }
    }

    struct Scanner {
        private static let maximumSize = 10_000_000
        private static let maximumDepth = 256
        private static let maximumNameLength = 1_000

        private let input: UnsafeBufferPointer<UInt8>
        private var position = 0
        private(set) var builder: Builder
        /// The open elements' names, each with how many namespace bindings it declared.
        private var open: [(name: Span, bindings: Int)] = []
        /// The namespace bindings in scope, innermost last: a prefix (empty for the default namespace)
        /// and its URI (nil where `xmlns=""` undeclares the default one).
        private var bindings: [(prefix: Span, uri: Span?)] = []

        init(_ input: UnsafeBufferPointer<UInt8>) {
            self.input = input
            builder = Builder(copying: input)
        }

        mutating func document() -> Bool {
            guard input.count <= Self.maximumSize, byte(0) == UInt8(ascii: "<") else { return false }
            // About one node per 16 bytes of a libvirt definition, and an attribute per 32.
            builder.nodes.reserveCapacity(input.count / 16 + 8)
            builder.attributes.reserveCapacity(input.count / 32 + 8)
            repeat {
                // At the `<` of a tag.
                position += 1
                // Whether the tag closed a child of the element text is read into next.
                let closedChild: Bool
                if byte(position) == UInt8(ascii: "/") {
                    position += 1
                    guard endTag() else { return false }
                    closedChild = true
                } else {
                    guard let selfClosing = startTag() else { return false }
                    closedChild = selfClosing
                }
                if open.isEmpty {
                    skipWhitespace()
                    return position == input.count
                }
                guard text(afterChild: closedChild) else { return false }
            } while true
        }

        /// The byte at `index`, 0 past the end (never a byte of a plain document).
        private func byte(_ index: Int) -> UInt8 {
            index < input.count ? input[index] : 0
        }

        private static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
        }

        @discardableResult
        private mutating func skipWhitespace() -> Bool {
            let start = position
            while position < input.count, Self.isWhitespace(input[position]) { position += 1 }
            return position > start
        }

        /// After `<`: the name, attributes and namespace declarations, up to and including `>` or `/>`;
        /// whether it was `/>`, nil when the tag is not plain.
        private mutating func startTag() -> Bool? {
            guard open.count < Self.maximumDepth, let (name, localOffset) = qualifiedName() else { return nil }
            let firstAttribute = builder.attributes.count
            let firstBinding = bindings.count
            var selfClosing = false
            while true {
                let spaced = skipWhitespace()
                if byte(position) == UInt8(ascii: ">") {
                    position += 1
                    break
                }
                if byte(position) == UInt8(ascii: "/") {
                    guard byte(position + 1) == UInt8(ascii: ">") else { return nil }
                    position += 2
                    selfClosing = true
                    break
                }
                guard spaced, let (attribute, attributeLocalOffset) = qualifiedName() else { return nil }
                skipWhitespace()
                guard byte(position) == UInt8(ascii: "=") else { return nil }
                position += 1
                skipWhitespace()
                guard let (value, decoded) = attributeValue() else { return nil }
                let prefix = Span(start: attribute.start, count: max(0, attributeLocalOffset - 1))
                if spells(attribute, "xmlns") || spells(prefix, "xmlns") {
                    // libxml2 hands on a namespace URI's `&` as `&#38;`: such a declaration is its to read.
                    guard !decoded else { return nil }
                    // The prefix bound, empty for the default namespace.
                    let declared = Span(start: attribute.start + attributeLocalOffset,
                                        count: attributeLocalOffset > 0 ? attribute.count - attributeLocalOffset : 0)
                    if attributeLocalOffset > 0 {
                        // `xmlns:p=""`, and binding `xml` or `xmlns`, are errors libxml2 reports.
                        guard value.count > 0, !spells(declared, "xml"), !spells(declared, "xmlns") else { return nil }
                    }
                    guard declare(prefix: declared, uri: value, since: firstBinding) else { return nil }
                } else if attributeLocalOffset > 0 {
                    // A prefixed attribute's namespace and uniqueness are libxml2's to check.
                    return nil
                } else {
                    for index in firstAttribute..<builder.attributes.count where same(builder.attributes[index].name, attribute) {
                        return nil
                    }
                    builder.attributes.append(Attribute(name: attribute, value: value))
                }
            }
            let prefix = Span(start: name.start, count: max(0, localOffset - 1))
            guard let namespace = namespace(of: prefix) else { return nil }
            builder.startElement(name: name, localOffset: localOffset, namespace: namespace, firstAttribute: firstAttribute)
            if selfClosing {
                builder.endElement()
                bindings.removeLast(bindings.count - firstBinding)
            } else {
                open.append((name, bindings.count - firstBinding))
            }
            return selfClosing
        }

        /// After `</`: the name of the open element, then `>`.
        private mutating func endTag() -> Bool {
            guard let (name, _) = qualifiedName(), let element = open.last, same(name, element.name) else { return false }
            skipWhitespace()
            guard byte(position) == UInt8(ascii: ">") else { return false }
            position += 1
            open.removeLast()
            builder.endElement()
            bindings.removeLast(element.bindings)
            return true
        }

        /// Binds `prefix` on the element being read, unless it already bound it.
        private mutating func declare(prefix: Span, uri: Span, since firstBinding: Int) -> Bool {
            for index in firstBinding..<bindings.count where same(bindings[index].prefix, prefix) { return false }
            bindings.append((prefix, uri.count > 0 ? uri : nil))
            return true
        }

        /// The URI `prefix` is bound to (Optional.none when the element is in no namespace); nil when an
        /// element's prefix is not bound.
        private func namespace(of prefix: Span) -> Span?? {
            for binding in bindings.reversed() where same(binding.prefix, prefix) { return .some(binding.uri) }
            return prefix.count == 0 ? .some(nil) : nil
        }

        /// `name` or `prefix:name` with ASCII name characters, and the offset of the local name.
        private mutating func qualifiedName() -> (name: Span, localOffset: Int32)? {
            let start = position
            var localOffset = 0
            guard Self.isNameStart(byte(position)) else { return nil }
            position += 1
            while position < input.count {
                let byte = input[position]
                if Self.isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") {
                    position += 1
                } else if byte == UInt8(ascii: ":"), localOffset == 0, Self.isNameStart(self.byte(position + 1)) {
                    position += 1
                    localOffset = position - start
                } else {
                    break
                }
            }
            // A second colon, or one that ends the name, makes it no qualified name.
            guard byte(position) != UInt8(ascii: ":"), position - start <= Self.maximumNameLength else { return nil }
            return (Span(start: Int32(start), count: Int32(position - start)), Int32(localOffset))
        }

        private static func isNameStart(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "_")
        }

        /// A quoted value, its references decoded, and whether it had any.
        private mutating func attributeValue() -> (value: Span, decoded: Bool)? {
            let quote = byte(position)
            guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else { return nil }
            position += 1
            let start = position
            var references = false
            while position < input.count, input[position] != quote {
                let byte = input[position]
                // A tab or line feed XML would turn into a space, and a control or non-ASCII byte.
                if byte == UInt8(ascii: "<") || byte < 0x20 || byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "&") { references = true }
                position += 1
            }
            guard position < input.count else { return nil }
            position += 1
            guard references else { return (Span(start: Int32(start), count: Int32(position - 1 - start)), false) }
            return decode(start..<position - 1).map { ($0, true) }
        }

        /// Character data up to the next tag, added to the open element. Every byte ASCII, and no control
        /// character but tab and line feed (a carriage return, which XML turns into a line feed, included).
        ///
        /// Whitespace between elements is not added: the builder drops it from an element with element
        /// children anyway (see `Builder.dropIndentation`), and it is most of a definition's runs of text.
        /// Its element has one when the run follows a child (`afterChild`) or a start tag follows it.
        private mutating func text(afterChild: Bool) -> Bool {
            let start = position
            var references = false
            var blank = true
            while position < input.count {
                let byte = input[position]
                if byte == UInt8(ascii: "<") {
                    guard position > start else { return true }
                    if blank, afterChild || self.byte(position + 1) != UInt8(ascii: "/") { return true }
                    guard let span = references ? decode(start..<position) : Span(start: Int32(start), count: Int32(position - start)) else {
                        return false
                    }
                    builder.text(span)
                    return true
                }
                if Self.isWhitespace(byte) {
                    position += 1
                    continue
                }
                blank = false
                if byte < 0x20 || byte >= 0x80 { return false }
                if byte == UInt8(ascii: "&") {
                    references = true
                } else if byte == UInt8(ascii: ">"), position >= start + 2,
                          input[position - 1] == UInt8(ascii: "]"), input[position - 2] == UInt8(ascii: "]") {
                    // `]]>` may not appear in text.
                    return false
                }
                position += 1
            }
            return false
        }

        /// `range` with its predefined entities replaced, appended to the builder's buffer.
        private mutating func decode(_ range: Range<Int>) -> Span? {
            let start = builder.bytes.count
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = input[index]
                guard byte == UInt8(ascii: "&") else {
                    builder.bytes.append(byte)
                    index += 1
                    continue
                }
                guard let (replacement, length) = Self.entity(at: index, in: input, before: range.upperBound) else { return nil }
                builder.bytes.append(replacement)
                index += length
            }
            return Span(start: Int32(start), count: Int32(builder.bytes.count - start))
        }

        private static let entities: [(name: [UInt8], replacement: UInt8)] = [
            (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&amp;".utf8), UInt8(ascii: "&")),
            (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&apos;".utf8), UInt8(ascii: "'")),
        ]

        private static func entity(at index: Int, in input: UnsafeBufferPointer<UInt8>, before end: Int) -> (UInt8, Int)? {
            for entity in entities where index + entity.name.count <= end
                && entity.name.elementsEqual(UnsafeBufferPointer(rebasing: input[index..<index + entity.name.count])) {
                return (entity.replacement, entity.name.count)
            }
            return nil
        }

        /// Whether two spans of the document hold the same bytes.
        private func same(_ first: Span, _ second: Span) -> Bool {
            guard first.count == second.count else { return false }
            return builder.bytes.withUnsafeBufferPointer { bytes in
                guard first.count > 0, let base = bytes.baseAddress else { return true }
                return memcmp(base + Int(first.start), base + Int(second.start), Int(first.count)) == 0
            }
        }

        private func spells(_ span: Span, _ name: StaticString) -> Bool {
            guard Int(span.count) == name.utf8CodeUnitCount, let base = input.baseAddress else { return false }
            return memcmp(base + Int(span.start), name.utf8Start, Int(span.count)) == 0
        }
    }
}
