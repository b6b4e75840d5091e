import CLibXML2

extension ParsedDocument {
    /// Reads `text` with libxml2's SAX2 parser into a new builder. Nil when the document has a DTD:
    /// the parser stops there, and the caller reads it through libxml2's tree, which resolves the
    /// entities a DTD declares.
    static func readEvents(of text: String, what: String) throws -> Builder? {
        _ = XMLTreeReader.initialized
        guard let context = xmlNewParserCtxt(), let handler = context.pointee.sax else {
            throw XMLTreeReader.unparsable(what, "out of memory")
        }
        defer { xmlFreeParserCtxt(context) }
        // The document node libxml2 makes at the start stays empty: these build the tree instead.
        handler.pointee.startElementNs = { context, local, prefix, namespace, _, _, count, _, attributes in
            guard let reading = EventReading.of(context), let local else { return }
            reading.pointee.startElement(local: local, prefix: prefix, namespace: namespace,
                                         attributes: attributes, count: Int(count))
        }
        handler.pointee.endElementNs = { context, _, _, _ in
            EventReading.of(context)?.pointee.builder.endElement()
        }
        handler.pointee.characters = { context, characters, length in
            guard let reading = EventReading.of(context), let characters else { return }
            reading.pointee.text(characters, count: Int(length))
        }
        handler.pointee.cdataBlock = { context, characters, length in
            guard let reading = EventReading.of(context), let characters else { return }
            reading.pointee.text(characters, count: Int(length))
        }
        handler.pointee.internalSubset = { context, _, _, _ in
            guard let reading = EventReading.of(context) else { return }
            reading.pointee.sawDTD = true
            xmlStopParser(context?.assumingMemoryBound(to: xmlParserCtxt.self))
        }
        handler.pointee.comment = nil
        handler.pointee.processingInstruction = nil

        // The callbacks append to the only reference to the builder's buffers: a copy shared with the
        // caller would be copied again at the first append, and lose the capacity reserved for it.
        var reading = EventReading(builder: Builder())
        // No network, no DTD loading, no entity substitution, nothing printed: as XMLTreeReader reads.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = withUnsafeMutablePointer(to: &reading) { pointer in
            context.pointee._private = UnsafeMutableRawPointer(pointer)
            defer { context.pointee._private = nil }
            return text.withCString { bytes in XMLTreeReader.read(bytes, of: text, with: context, options: options) }
        }
        if let document { xmlFreeDoc(document) }
        if reading.sawDTD { return nil }
        guard document != nil else { throw XMLTreeReader.unparsable(what, XMLTreeReader.reason(context)) }
        return reading.builder
    }

    /// What the SAX callbacks fill in, reached through the parser context's `_private`.
    private struct EventReading {
        var builder: Builder
        var sawDTD = false

        static func of(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<EventReading>? {
            // libxml2 hands each callback its context's userData, which is the context itself.
            context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private?.assumingMemoryBound(to: EventReading.self)
        }

        mutating func startElement(local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?,
                                   attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
            let (name, localOffset) = qualifiedName(local, prefix)
            let namespace = namespace.flatMap { $0.pointee == 0 ? nil : builder.append($0, count: Int(xmlStrlen($0))) }
            let firstAttribute = builder.attributes.count
            if let attributes, count > 0 {
                // Five pointers each: local name, prefix, namespace, and the value's start and end.
                for index in 0..<count {
                    guard let local = attributes[5 * index], let start = attributes[5 * index + 3],
                          let end = attributes[5 * index + 4] else { continue }
                    let name = qualifiedName(local, attributes[5 * index + 1]).name
                    let value = value(start, count: end - start)
                    builder.attributes.append(Attribute(name: name, value: value))
                }
            }
            builder.startElement(name: name, localOffset: localOffset, namespace: namespace, firstAttribute: firstAttribute)
        }

        mutating func text(_ characters: UnsafePointer<xmlChar>, count: Int) {
            let span = builder.append(characters, count: count)
            builder.text(span)
        }

        /// `prefix:local`, or `local` in no namespace or the default one.
        private mutating func qualifiedName(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) -> (name: Span, localOffset: Int32) {
            guard let prefix else { return (builder.append(local, count: Int(xmlStrlen(local))), 0) }
            let prefixSpan = builder.append(prefix, count: Int(xmlStrlen(prefix)))
            var colon = UInt8(ascii: ":")
            _ = builder.append(&colon, count: 1)
            let localSpan = builder.append(local, count: Int(xmlStrlen(local)))
            return (Span(start: prefixSpan.start, count: prefixSpan.count + 1 + localSpan.count), prefixSpan.count + 1)
        }

        /// An attribute's value. Without a DTD the parser has decoded every reference but one: it passes
        /// an ampersand on as `&#38;` (for the tree builder to decode), so that is decoded here.
        private mutating func value(_ start: UnsafePointer<xmlChar>, count: Int) -> Span {
            let characters = UnsafeBufferPointer(start: start, count: count)
            guard characters.contains(UInt8(ascii: "&")) else { return builder.append(start, count: count) }
            let escaped = Array("&#38;".utf8)
            var decoded: [UInt8] = []
            decoded.reserveCapacity(count)
            var index = 0
            while index < count {
                if characters[index] == UInt8(ascii: "&"), characters[index...].starts(with: escaped) {
                    decoded.append(UInt8(ascii: "&"))
                    index += escaped.count
                } else {
                    decoded.append(characters[index])
                    index += 1
                }
            }
            return builder.append(contentsOf: decoded)
        }
    }
}
