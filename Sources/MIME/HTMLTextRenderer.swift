/// Renders HTML to plain text crudely but robustly: tags stripped, block elements become
/// line breaks, table cells in one row stay on one line, entities decoded, and
/// `script` / `style` / `head` content dropped. A single forward scan; no DOM.
enum HTMLTextRenderer {
    private static let lineBreakTags: Set<String> = [
        "div", "tr", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer",
        "address", "center", "form", "fieldset", "tbody", "thead", "tfoot", "caption", "nav", "main",
    ]
    private static let paragraphTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre", "hr",
    ]
    private static let cellTags: Set<String> = ["td", "th"]
    private static let skippedContentTags: Set<String> = ["script", "style", "head", "title", "template"]

    /// Renders `html` as text with `\n` line endings.
    static func render(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var writer = Writer()
        var index = 0
        var preDepth = 0
        var missingCloseTags: Set<String> = []

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let tag = readTag(scalars, at: index) {
                index = tag.end
                guard let name = tag.name else { continue }
                if !tag.isClosing, !tag.isSelfClosing, skippedContentTags.contains(name), !missingCloseTags.contains(name) {
                    if let after = findClosingTag(scalars, name: name, from: index) {
                        index = after
                    } else {
                        // Remember the miss so many unclosed tags cannot make this quadratic.
                        missingCloseTags.insert(name)
                    }
                    continue
                }
                if name == "br" {
                    writer.newline()
                } else if cellTags.contains(name) {
                    if !tag.isClosing { writer.separateCell() }
                } else if paragraphTags.contains(name) {
                    if name == "pre" { preDepth = max(0, preDepth + (tag.isClosing ? -1 : 1)) }
                    writer.paragraph()
                } else if lineBreakTags.contains(name) {
                    writer.lineBreak()
                }
                continue
            }
            if scalar == "&", let (replacement, end) = HTMLEntities.decode(scalars, at: index) {
                for decoded in replacement { writer.text(decoded, preserveSpace: preDepth > 0) }
                index = end
                continue
            }
            writer.text(scalar, preserveSpace: preDepth > 0)
            index += 1
        }
        return writer.finish()
    }

    private struct Tag {
        var name: String?
        var isClosing: Bool
        var isSelfClosing: Bool
        var end: Int
    }

    /// Reads a tag, comment or declaration at `start`; nil when `<` is just text.
    private static func readTag(_ scalars: [Unicode.Scalar], at start: Int) -> Tag? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "!" || scalars[index] == "?" {
            if index + 2 < scalars.count, scalars[index + 1] == "-", scalars[index + 2] == "-" {
                var probe = index + 3
                while probe + 2 < scalars.count {
                    if scalars[probe] == "-", scalars[probe + 1] == "-", scalars[probe + 2] == ">" {
                        return Tag(name: nil, isClosing: false, isSelfClosing: false, end: probe + 3)
                    }
                    probe += 1
                }
                return Tag(name: nil, isClosing: false, isSelfClosing: false, end: scalars.count)
            }
            while index < scalars.count, scalars[index] != ">" { index += 1 }
            return Tag(name: nil, isClosing: false, isSelfClosing: false, end: min(index + 1, scalars.count))
        }
        var isClosing = false
        if scalars[index] == "/" {
            isClosing = true
            index += 1
        }
        guard index < scalars.count, isASCIILetter(scalars[index]) else { return nil }
        var name = String.UnicodeScalarView()
        while index < scalars.count, isASCIILetter(scalars[index]) || (scalars[index] >= "0" && scalars[index] <= "9") {
            name.append(scalars[index])
            index += 1
        }
        var quote: Unicode.Scalar?
        var lastNonSpace: Unicode.Scalar = " "
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                break
            }
            if scalar != " " && scalar != "\t" && scalar != "\n" && scalar != "\r" { lastNonSpace = scalar }
            index += 1
        }
        return Tag(name: String(name).lowercased(), isClosing: isClosing, isSelfClosing: lastNonSpace == "/",
                   end: min(index + 1, scalars.count))
    }

    /// The index after `</name ...>`, searching case-insensitively from `start`.
    private static func findClosingTag(_ scalars: [Unicode.Scalar], name: String, from start: Int) -> Int? {
        let target = Array(name.unicodeScalars)
        var index = start
        while index + 1 + target.count < scalars.count {
            if scalars[index] == "<", scalars[index + 1] == "/" {
                var matches = true
                for offset in 0..<target.count where lowercased(scalars[index + 2 + offset]) != target[offset] {
                    matches = false
                    break
                }
                if matches {
                    var end = index + 2 + target.count
                    while end < scalars.count, scalars[end] != ">" { end += 1 }
                    return min(end + 1, scalars.count)
                }
            }
            index += 1
        }
        return nil
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar >= "A" && scalar <= "Z" { return Unicode.Scalar(scalar.value + 32) ?? scalar }
        return scalar
    }

    /// Accumulates text, collapsing whitespace and limiting runs of blank lines to one.
    private struct Writer {
        var output = String.UnicodeScalarView()
        var lineHasText = false
        var pendingSpace = false
        var trailingNewlines = 0

        mutating func text(_ scalar: Unicode.Scalar, preserveSpace: Bool) {
            if preserveSpace {
                if scalar == "\n" {
                    newline()
                    return
                }
                if scalar == "\r" { return }
            } else if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}" {
                if lineHasText { pendingSpace = true }
                return
            }
            if pendingSpace {
                output.append(" ")
                pendingSpace = false
            }
            output.append(scalar == "\u{A0}" ? " " : scalar)
            lineHasText = true
            trailingNewlines = 0
        }

        mutating func newline() {
            guard trailingNewlines < 2 else { return }
            if output.isEmpty { return }
            output.append("\n")
            trailingNewlines += 1
            lineHasText = false
            pendingSpace = false
        }

        mutating func lineBreak() {
            if lineHasText { newline() }
        }

        mutating func paragraph() {
            lineBreak()
            if trailingNewlines < 2 { newline() }
        }

        mutating func separateCell() {
            if lineHasText { pendingSpace = true }
        }

        mutating func finish() -> String {
            while let last = output.last, last == "\n" || last == " " {
                output.removeLast()
            }
            return String(output)
        }
    }
}
