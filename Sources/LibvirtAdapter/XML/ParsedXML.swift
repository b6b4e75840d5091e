import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Read-only helpers over FoundationXML's tree, for the few elements reconcile reads back.
struct ParsedXML {
    let root: XMLElement

    init(_ text: String, what: String) throws {
        do {
            let document = try XMLDocument(xmlString: text, options: [])
            guard let root = document.rootElement() else {
                throw LibvirtAdapterError("libvirt returned \(what) XML without a root element")
            }
            self.root = root
        } catch let error as LibvirtAdapterError {
            throw error
        } catch {
            throw LibvirtAdapterError("cannot parse \(what) XML from libvirt: \(error)")
        }
    }
}

extension XMLElement {
    func child(_ name: String) -> XMLElement? {
        elements(forName: name).first
    }

    func children(_ name: String) -> [XMLElement] {
        elements(forName: name)
    }

    func attribute(_ name: String) -> String? {
        attribute(forName: name)?.stringValue
    }

    var text: String? { stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Walks a path of child names: `element.at("devices", "disk")`.
    func at(_ path: String...) -> XMLElement? {
        var current: XMLElement? = self
        for name in path { current = current?.child(name) }
        return current
    }
}
