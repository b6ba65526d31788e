import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element with qualified names ("w:p"), enough to read WordprocessingML back
/// without a DOM library that differs between macOS and Linux.
struct Element {
    var name: String
    var attributes: [String: String] = [:]
    var children: [Element] = []
    var text = ""

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// Descendants named `name`, in document order.
    func all(_ name: String) -> [Element] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    func first(_ name: String) -> Element? {
        for child in children {
            if child.name == name { return child }
            if let found = child.first(name) { return found }
        }
        return nil
    }

    /// The text of a paragraph or part: every `w:t`, tabs and breaks as characters.
    var wordText: String {
        switch name {
        case "w:t": return text
        case "w:tab": return "\t"
        case "w:br": return "\n"
        default: return children.map(\.wordText).joined()
        }
    }

    static func parse(_ data: Data) throws -> Element {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), builder.error == nil else {
            throw builder.error ?? parser.parserError ?? CocoaError(.propertyListReadCorrupt)
        }
        return builder.stack[0]
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack = [Element(name: "#document")]
    var error: (any Error)?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        stack.append(Element(name: qName ?? elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let done = stack.removeLast()
        stack[stack.count - 1].children.append(done)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = parseError
    }
}
