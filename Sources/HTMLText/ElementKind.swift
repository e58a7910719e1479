/// How the renderer treats an element, decided from its tag name alone.
///
/// libxml2's HTML parser lower-cases tag names and drops namespace prefixes, so Outlook's
/// `<o:p>` arrives as `p`; ``TextRenderer`` handles that case from the tree (a `p` inside
/// a `p`), not here.
enum ElementKind: Equatable {
    /// Text flows through: `span`, `a`, `b`, `font`, unknown tags.
    case inline
    /// Neither the element nor anything inside it is ever shown.
    case dropped
    /// `<br>`.
    case lineBreak
    /// Starts and ends a line; `blankLine` adds the paragraph margin browsers show.
    case block(blankLine: Bool)
    /// `<p>`: a paragraph margin, except for Outlook's margin-less `MsoNormal` family.
    case paragraph
    /// Whitespace kept as written.
    case preformatted
    /// `ul`/`ol`: items get `- ` or `1. ` prefixes.
    case list(ordered: Bool)
    /// `li`: one per line.
    case listItem
    /// `tr`: one line per row.
    case row
    /// `td`/`th`: separated by one space within their row.
    case cell

    /// Classifies a NUL-terminated lower-case tag name as libxml2 stores it.
    ///
    /// Runs once per element, so it avoids building a `String`: names of up to 8 bytes are
    /// packed into an integer and looked up in a table; every name we know is at most
    /// 10 bytes, so anything longer is inline at once.
    init(tagName: UnsafePointer<UInt8>) {
        var key: UInt64 = 0
        var length = 0
        while tagName[length] != 0 {
            if length == 8 {
                // 9 or 10 bytes (`blockquote`, `figcaption`, `plaintext`) or unknown.
                var rest = length
                while tagName[rest] != 0 && rest <= 10 { rest += 1 }
                guard rest <= 10 else {
                    self = .inline
                    return
                }
                self.init(name: String(decoding: UnsafeBufferPointer(start: tagName, count: rest), as: UTF8.self))
                return
            }
            key |= UInt64(tagName[length]) << (8 * UInt64(length))
            length += 1
        }
        self = Self.byPackedName[key] ?? .inline
    }

    /// Classifies a lower-case tag name.
    init(name: String) {
        self = Self.byName[name] ?? .inline
    }

    /// Every element that is not plain inline, by tag name: the single source of truth.
    private static let byName: [String: ElementKind] = {
        var table: [String: ElementKind] = [:]
        func add(_ kind: ElementKind, _ names: [String]) {
            for name in names { table[name] = kind }
        }
        // Never shown: code, metadata, embedded media and their fallback text, Outlook's
        // `<xml>` settings blocks.
        add(.dropped, ["script", "style", "head", "title", "noscript", "template", "xml", "svg", "object",
                       "iframe", "frame", "applet", "audio", "video", "canvas", "datalist"])
        add(.lineBreak, ["br"])
        add(.paragraph, ["p"])
        add(.block(blankLine: true), ["h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "dl", "figure"])
        add(.block(blankLine: false), ["div", "section", "article", "header", "footer", "nav", "aside", "main",
                                       "center", "form", "address", "table", "caption", "dd", "dt", "details",
                                       "summary", "dialog", "fieldset", "legend", "figcaption", "hgroup",
                                       "option", "optgroup", "noframes", "body", "html", "frameset", "search"])
        add(.preformatted, ["pre", "listing", "xmp", "plaintext", "textarea"])
        add(.list(ordered: false), ["ul", "menu", "dir"])
        add(.list(ordered: true), ["ol"])
        add(.listItem, ["li"])
        add(.row, ["tr"])
        add(.cell, ["td", "th"])
        return table
    }()

    /// ``byName`` for names of up to 8 bytes, keyed by their bytes packed little-endian.
    private static let byPackedName: [UInt64: ElementKind] = {
        var table: [UInt64: ElementKind] = [:]
        for (name, kind) in byName where name.utf8.count <= 8 {
            var key: UInt64 = 0
            for (offset, byte) in name.utf8.enumerated() { key |= UInt64(byte) << (8 * UInt64(offset)) }
            table[key] = kind
        }
        return table
    }()
}
