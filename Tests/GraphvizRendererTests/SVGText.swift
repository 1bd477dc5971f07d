import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses SVG bytes as XML and collects the text of every `<text>` element and every
/// `xlink:title` attribute (where Graphviz puts tooltips).
final class SVGText: NSObject, XMLParserDelegate {
    private(set) var texts: [String] = []
    private(set) var titles: [String] = []
    private var current: String?

    /// Parses `data`; returns nil when it is not well-formed XML.
    static func parse(_ data: Data) -> SVGText? {
        let collector = SVGText()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "text" { current = "" }
        if let title = attributes["xlink:title"] { titles.append(title) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?
    ) {
        if elementName == "text", let text = current {
            texts.append(text)
            current = nil
        }
    }
}
