/// A piece of a page: an element, or text.
///
/// The site renders its own small node tree instead of Plot's: Plot 0.14 writes attribute values unescaped
/// (a dataset's `"onmouseover=` would break out of an attribute), passes anything that looks like an entity
/// through its text escaping (a note with `&amp;` would lose the literal text), and spends ~4 ms per page of a
/// comparison's size, too slow for hundreds of pages. Here every text and attribute is escaped on the way out,
/// and rendering is one pass of string appends.
struct HTMLNode: Sendable {
    fileprivate enum Kind: Sendable {
        case element(name: String, attributes: [(String, String)], children: [HTMLNode])
        case text(String)
        case group([HTMLNode])
    }

    fileprivate var kind: Kind

    /// An element with attributes (escaped when rendered) and children.
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(kind: .element(name: name, attributes: attributes, children: children))
    }

    /// Text, escaped when rendered: whatever a dataset contains is shown as text, never run as markup.
    static func text(_ text: String) -> HTMLNode { HTMLNode(kind: .text(text)) }

    /// Several nodes without a wrapping element.
    static func group(_ nodes: [HTMLNode]) -> HTMLNode { HTMLNode(kind: .group(nodes)) }

    /// Nothing; for optional parts of a page.
    static let empty = HTMLNode(kind: .group([]))

    /// The markup of this node as one string.
    func rendered() -> String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out)
        return out
    }

    /// A whole document: the doctype and the `html` element.
    static func document(_ root: HTMLNode) -> String {
        var out = "<!DOCTYPE html>\n"
        out.reserveCapacity(16_384)
        root.render(into: &out)
        return out
    }

    fileprivate func render(into out: inout String) {
        switch kind {
        case .text(let text):
            Escaping.appendText(text, to: &out)
        case .group(let nodes):
            for node in nodes { node.render(into: &out) }
        case .element(let name, let attributes, let children):
            out += "<"
            out += name
            for (attribute, value) in attributes {
                out += " "
                out += attribute
                out += "=\""
                Escaping.appendAttribute(value, to: &out)
                out += "\""
            }
            out += ">"
            if HTMLNode.voidElements.contains(name) {
                if HTMLNode.blockElements.contains(name) { out += "\n" }
                return
            }
            // A line break after the opening tag of a block that holds blocks, and after each block's closing tag,
            // keeps the files readable line by line (snapshot diffs) without adding whitespace that renders.
            if HTMLNode.blockElements.contains(name), children.contains(where: \.isBlock) { out += "\n" }
            for child in children { child.render(into: &out) }
            out += "</"
            out += name
            out += ">"
            if HTMLNode.blockElements.contains(name) { out += "\n" }
        }
    }

    fileprivate var isBlock: Bool {
        switch kind {
        case .element(let name, _, _): return HTMLNode.blockElements.contains(name)
        case .group(let nodes): return nodes.contains(where: \.isBlock)
        case .text: return false
        }
    }

    private static let voidElements: Set<String> = ["meta", "link", "br", "hr", "img", "input"]

    /// Elements where whitespace around them does not render, so line breaks may go there.
    private static let blockElements: Set<String> = [
        "html", "head", "body", "meta", "link", "title", "header", "nav", "main", "footer", "section", "div", "p",
        "h1", "h2", "h3", "h4", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tr",
        "figure", "figcaption", "svg", "g", "desc", "rect", "line", "polyline", "circle", "path", "hr",
    ]
}

extension HTMLNode {
    // The elements the site uses. Each takes its attributes first and its children last, as markup reads.

    static func div(_ attributes: [(String, String)] = [], _ children: [HTMLNode]) -> HTMLNode {
        .element("div", attributes, children)
    }

    static func p(_ attributes: [(String, String)] = [], _ children: [HTMLNode]) -> HTMLNode {
        .element("p", attributes, children)
    }

    static func p(_ text: String) -> HTMLNode { .element("p", [], [.text(text)]) }

    static func span(_ attributes: [(String, String)] = [], _ children: [HTMLNode]) -> HTMLNode {
        .element("span", attributes, children)
    }

    static func heading(_ level: Int, id: String? = nil, _ children: [HTMLNode]) -> HTMLNode {
        .element("h\(level)", id.map { [("id", $0)] } ?? [], children)
    }

    static func heading(_ level: Int, id: String? = nil, _ text: String) -> HTMLNode {
        heading(level, id: id, [.text(text)])
    }

    static func link(_ href: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode]) -> HTMLNode {
        .element("a", [("href", href)] + attributes, children)
    }

    static func link(_ href: String, _ text: String) -> HTMLNode { link(href, [], [.text(text)]) }

    static func list(_ items: [HTMLNode], ordered: Bool = false, _ attributes: [(String, String)] = []) -> HTMLNode {
        .element(ordered ? "ol" : "ul", attributes, items.map { .element("li", [], [$0]) })
    }

    static func strong(_ text: String) -> HTMLNode { .element("strong", [], [.text(text)]) }
}

/// HTML escaping of text and attribute values.
enum Escaping {
    /// Escapes `&`, `<` and `>`: enough for text content, where quotes mean nothing.
    static func appendText(_ text: String, to out: inout String) {
        var start = text.utf8.startIndex
        let utf8 = text.utf8
        var index = start
        while index != utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            default: replacement = nil
            }
            if let replacement {
                out += text[start..<index]
                out += replacement
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += text[start..<utf8.endIndex]
    }

    /// Escapes `&`, `<`, `>` and `"`, so a value can never end its attribute (every attribute is written in
    /// double quotes).
    static func appendAttribute(_ text: String, to out: inout String) {
        var start = text.utf8.startIndex
        let utf8 = text.utf8
        var index = start
        while index != utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: replacement = nil
            }
            if let replacement {
                out += text[start..<index]
                out += replacement
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += text[start..<utf8.endIndex]
    }

    static func text(_ text: String) -> String {
        var out = ""
        appendText(text, to: &out)
        return out
    }

    static func attribute(_ text: String) -> String {
        var out = ""
        appendAttribute(text, to: &out)
        return out
    }
}
