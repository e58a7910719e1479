/// The element names ``LightHTMLParser`` accepts, with the libxml2 2.9.14 facts it needs about
/// each (HTMLparser.c: `html40ElementTable`, `htmlStartClose`, `htmlEndPriority`).
///
/// Any other tag name makes the light parser give up, so every behaviour of libxml2 that
/// depends on a name is modelled only for these names. Ids fit a 64-bit mask.
///
/// One prefixed name, Outlook's `o:p`, is modelled: libxml2 2.9.14 keeps `o:p` on its
/// parser stack (so no start tag auto-closes it, it closes nothing, and only `</o:p>` or
/// an enclosing element's end tag ends it, with the default end priority) but names the
/// tree node `p`, without a namespace (SAX2 drops the prefix; HTML mode declares no
/// namespaces). `names` holds the parser's names, `treeNames` the tree's.
enum LightHTMLNames {
    static let names: [String] = [
        "html", "head", "body", "title", "meta", "link", "style", "script",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "col", "colgroup",
        "p", "div", "span", "a", "b", "i", "u", "s", "em", "strong", "small", "big", "font", "center",
        "br", "hr", "img", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "blockquote", "pre", "sup", "sub", "tt", "strike", "code", "cite", "label",
        "section", "header", "footer", "article", "nav", "main", "aside", "o:p",
    ]

    /// ``names`` as bytes, one after another: name `id` is
    /// `nameBytes[nameStarts[id]..<nameStarts[id + 1]]`.
    static let nameBytes: [UInt8] = names.flatMap { Array($0.utf8) }
    static let nameStarts: [Int] = names.reduce(into: [0]) { starts, name in starts.append(starts[starts.count - 1] + name.utf8.count) }

    /// The element name libxml2 puts in the tree for each id: the local part.
    static let treeNames: [String] = names.map { name in
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    // The ids of the names the parser tests for (positions in `names`; a test checks them).
    static let html: UInt8 = 0, head: UInt8 = 1, body: UInt8 = 2, title: UInt8 = 3
    static let meta: UInt8 = 4, link: UInt8 = 5, style: UInt8 = 6, script: UInt8 = 7
    static let blockquote: UInt8 = 47
    static let outlookParagraph: UInt8 = 63  // o:p

    /// The id of a lower-case name; traps on a name not in the table (only used on literals).
    static func id(_ name: String) -> UInt8 {
        guard let index = names.firstIndex(of: name) else { preconditionFailure("unknown name \(name)") }
        return UInt8(index)
    }

    /// The id of a tag name already lower-cased, packed little-endian into a UInt64 (names of
    /// up to 8 bytes; `blockquote` is looked up separately). A switch, not a dictionary: this
    /// runs for every tag.
    static func id(packed key: UInt64, length: Int) -> UInt8? {
        guard length <= 8 else { return nil }
        return switch key {
        case 0x6C6D7468: 0  // html
        case 0x64616568: 1  // head
        case 0x79646F62: 2  // body
        case 0x656C746974: 3  // title
        case 0x6174656D: 4  // meta
        case 0x6B6E696C: 5  // link
        case 0x656C797473: 6  // style
        case 0x747069726373: 7  // script
        case 0x656C626174: 8  // table
        case 0x6461656874: 9  // thead
        case 0x79646F6274: 10  // tbody
        case 0x746F6F6674: 11  // tfoot
        case 0x7274: 12  // tr
        case 0x6474: 13  // td
        case 0x6874: 14  // th
        case 0x6E6F6974706163: 15  // caption
        case 0x6C6F63: 16  // col
        case 0x70756F72676C6F63: 17  // colgroup
        case 0x70: 18  // p
        case 0x766964: 19  // div
        case 0x6E617073: 20  // span
        case 0x61: 21  // a
        case 0x62: 22  // b
        case 0x69: 23  // i
        case 0x75: 24  // u
        case 0x73: 25  // s
        case 0x6D65: 26  // em
        case 0x676E6F727473: 27  // strong
        case 0x6C6C616D73: 28  // small
        case 0x676962: 29  // big
        case 0x746E6F66: 30  // font
        case 0x7265746E6563: 31  // center
        case 0x7262: 32  // br
        case 0x7268: 33  // hr
        case 0x676D69: 34  // img
        case 0x3168: 35  // h1
        case 0x3268: 36  // h2
        case 0x3368: 37  // h3
        case 0x3468: 38  // h4
        case 0x3568: 39  // h5
        case 0x3668: 40  // h6
        case 0x6C75: 41  // ul
        case 0x6C6F: 42  // ol
        case 0x696C: 43  // li
        case 0x6C64: 44  // dl
        case 0x7464: 45  // dt
        case 0x6464: 46  // dd
        case 0x657270: 48  // pre
        case 0x707573: 49  // sup
        case 0x627573: 50  // sub
        case 0x7474: 51  // tt
        case 0x656B69727473: 52  // strike
        case 0x65646F63: 53  // code
        case 0x65746963: 54  // cite
        case 0x6C6562616C: 55  // label
        case 0x6E6F6974636573: 56  // section
        case 0x726564616568: 57  // header
        case 0x7265746F6F66: 58  // footer
        case 0x656C6369747261: 59  // article
        case 0x76616E: 60  // nav
        case 0x6E69616D: 61  // main
        case 0x6564697361: 62  // aside
        default: nil
        }
    }

    /// The tree names as NUL-terminated bytes, as libxml2 stores them.
    static let cNames: [[UInt8]] = treeNames.map { Array($0.utf8) + [0] }

    /// Each tree name's ``ElementKind``, computed once (`o:p` is a `p` to the renderer,
    /// as in libxml2's tree).
    static let kinds: [ElementKind] = treeNames.map { ElementKind(name: $0) }

    /// The ids whose tree name is `name` (an XPath name test matches the tree's names).
    static func idMask(treeName name: String) -> UInt64 {
        var mask: UInt64 = 0
        for (index, treeName) in treeNames.enumerated() where treeName == name { mask |= 1 << UInt64(index) }
        return mask
    }

    /// `empty` in libxml2's element table: the element never has content (its end tag is
    /// implied right after the start tag).
    static let voidMask: UInt64 = 1 << 4 | 1 << 5 | 1 << 16 | 1 << 32 | 1 << 33 | 1 << 34  // meta link col br hr img

    /// `allowPCData`-independent: elements whose content libxml2 reads as raw text.
    static let rawTextMask: UInt64 = 1 << 6 | 1 << 7  // style script

    /// For each new tag, the open elements its start tag closes: libxml2 2.9.14's
    /// `htmlStartClose` pairs (old tag, new tag), restricted to the names above.
    static let closedByStartOf: [UInt64] = {
        var table = [UInt64](repeating: 0, count: names.count)
        for (old, new) in startClosePairs {
            guard let oldIndex = names.firstIndex(of: old), let newIndex = names.firstIndex(of: new) else { continue }
            table[newIndex] |= 1 << UInt64(oldIndex)
        }
        return table
    }()

    private static let startClosePairs: [(String, String)] = [
        ("a", "a"), ("a", "fieldset"), ("a", "table"), ("a", "td"), ("a", "th"), ("address", "dd"),
        ("address", "dl"), ("address", "dt"), ("address", "form"), ("address", "li"), ("address", "ul"),
        ("b", "center"), ("b", "p"), ("b", "td"), ("b", "th"), ("big", "p"), ("caption", "col"),
        ("caption", "colgroup"), ("caption", "tbody"), ("caption", "tfoot"), ("caption", "thead"), ("caption", "tr"),
        ("col", "col"), ("col", "colgroup"), ("col", "tbody"), ("col", "tfoot"), ("col", "thead"), ("col", "tr"),
        ("colgroup", "colgroup"), ("colgroup", "tbody"), ("colgroup", "tfoot"), ("colgroup", "thead"),
        ("colgroup", "tr"), ("dd", "dt"), ("dir", "dd"), ("dir", "dl"), ("dir", "dt"), ("dir", "form"),
        ("dir", "ul"), ("dl", "form"), ("dl", "li"), ("dt", "dd"), ("dt", "dl"), ("font", "center"), ("font", "td"),
        ("font", "th"), ("form", "form"), ("h1", "fieldset"), ("h1", "form"), ("h1", "li"), ("h1", "p"),
        ("h1", "table"), ("h2", "fieldset"), ("h2", "form"), ("h2", "li"), ("h2", "p"), ("h2", "table"),
        ("h3", "fieldset"), ("h3", "form"), ("h3", "li"), ("h3", "p"), ("h3", "table"), ("h4", "fieldset"),
        ("h4", "form"), ("h4", "li"), ("h4", "p"), ("h4", "table"), ("h5", "fieldset"), ("h5", "form"), ("h5", "li"),
        ("h5", "p"), ("h5", "table"), ("h6", "fieldset"), ("h6", "form"), ("h6", "li"), ("h6", "p"), ("h6", "table"),
        ("head", "a"), ("head", "abbr"), ("head", "acronym"), ("head", "address"), ("head", "b"), ("head", "bdo"),
        ("head", "big"), ("head", "blockquote"), ("head", "body"), ("head", "br"), ("head", "center"),
        ("head", "cite"), ("head", "code"), ("head", "dd"), ("head", "dfn"), ("head", "dir"), ("head", "div"),
        ("head", "dl"), ("head", "dt"), ("head", "em"), ("head", "fieldset"), ("head", "font"), ("head", "form"),
        ("head", "frameset"), ("head", "h1"), ("head", "h2"), ("head", "h3"), ("head", "h4"), ("head", "h5"),
        ("head", "h6"), ("head", "hr"), ("head", "i"), ("head", "iframe"), ("head", "img"), ("head", "kbd"),
        ("head", "li"), ("head", "listing"), ("head", "map"), ("head", "menu"), ("head", "ol"), ("head", "p"),
        ("head", "pre"), ("head", "q"), ("head", "s"), ("head", "samp"), ("head", "small"), ("head", "span"),
        ("head", "strike"), ("head", "strong"), ("head", "sub"), ("head", "sup"), ("head", "table"), ("head", "tt"),
        ("head", "u"), ("head", "ul"), ("head", "var"), ("head", "xmp"), ("hr", "form"), ("i", "center"), ("i", "p"),
        ("i", "td"), ("i", "th"), ("legend", "fieldset"), ("li", "li"), ("link", "body"), ("link", "frameset"),
        ("listing", "dd"), ("listing", "dl"), ("listing", "dt"), ("listing", "fieldset"), ("listing", "form"),
        ("listing", "li"), ("listing", "table"), ("listing", "ul"), ("menu", "dd"), ("menu", "dl"), ("menu", "dt"),
        ("menu", "form"), ("menu", "ul"), ("ol", "form"), ("option", "optgroup"), ("option", "option"),
        ("p", "address"), ("p", "blockquote"), ("p", "body"), ("p", "caption"), ("p", "center"), ("p", "col"),
        ("p", "colgroup"), ("p", "dd"), ("p", "dir"), ("p", "div"), ("p", "dl"), ("p", "dt"), ("p", "fieldset"),
        ("p", "form"), ("p", "frameset"), ("p", "h1"), ("p", "h2"), ("p", "h3"), ("p", "h4"), ("p", "h5"),
        ("p", "h6"), ("p", "head"), ("p", "hr"), ("p", "li"), ("p", "listing"), ("p", "menu"), ("p", "ol"),
        ("p", "p"), ("p", "pre"), ("p", "table"), ("p", "tbody"), ("p", "td"), ("p", "tfoot"), ("p", "th"),
        ("p", "title"), ("p", "tr"), ("p", "ul"), ("p", "xmp"), ("pre", "dd"), ("pre", "dl"), ("pre", "dt"),
        ("pre", "fieldset"), ("pre", "form"), ("pre", "li"), ("pre", "table"), ("pre", "ul"), ("s", "p"),
        ("script", "noscript"), ("small", "p"), ("span", "td"), ("span", "th"), ("strike", "p"), ("style", "body"),
        ("style", "frameset"), ("tbody", "tbody"), ("tbody", "tfoot"), ("td", "tbody"), ("td", "td"),
        ("td", "tfoot"), ("td", "th"), ("td", "tr"), ("tfoot", "tbody"), ("th", "tbody"), ("th", "td"),
        ("th", "tfoot"), ("th", "th"), ("th", "tr"), ("thead", "tbody"), ("thead", "tfoot"), ("title", "body"),
        ("title", "frameset"), ("tr", "tbody"), ("tr", "tfoot"), ("tr", "tr"), ("tt", "p"), ("u", "p"), ("u", "td"),
        ("u", "th"), ("ul", "address"), ("ul", "form"), ("ul", "menu"), ("ul", "pre"), ("xmp", "dd"), ("xmp", "dl"),
        ("xmp", "dt"), ("xmp", "fieldset"), ("xmp", "form"), ("xmp", "li"), ("xmp", "table"), ("xmp", "ul"),
    ]

    /// `htmlEndPriority`: an end tag only closes open elements of lower or equal priority.
    static let endPriority: [Int] = names.map { name in
        switch name {
        case "div": 150
        case "td", "th": 160
        case "tr": 170
        case "thead", "tbody", "tfoot": 180
        case "table": 190
        case "head", "body": 200
        case "html": 220
        default: 100
        }
    }

    /// Tags that libxml2 puts in an implied `<head>` when they come first (`htmlCheckImplied`).
    static let headContentMask: UInt64 = 1 << 7 | 1 << 6 | 1 << 4 | 1 << 5 | 1 << 3  // script style meta link title

    /// `htmlIsBooleanAttr`: an attribute written without a value gets its own name as value.
    static func isBooleanAttribute(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        for candidate in booleanAttributes where candidate.elementsEqual(name) { return true }
        return false
    }

    private static let booleanAttributes: [[UInt8]] = [
        "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref",
        "noresize", "noshade", "nowrap", "readonly", "selected",
    ].map { Array($0.utf8) }

    /// The named character references the light parser decodes (values from libxml2's
    /// `html40EntitiesTable`); any other name followed by `;` makes it give up.
    static func entityValue(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var key: UInt64 = 0
        guard name.count <= 8 else { return nil }
        for (offset, byte) in name.enumerated() { key |= UInt64(byte) << (8 * UInt64(offset)) }
        return entities[key]
    }

    private static let entities: [UInt64: UInt32] = {
        let list: [(String, UInt32)] = [
            ("quot", 34), ("amp", 38), ("apos", 39), ("lt", 60), ("gt", 62), ("nbsp", 160),
            ("copy", 169), ("reg", 174), ("trade", 8482), ("hellip", 8230), ("mdash", 8212),
            ("ndash", 8211), ("lsquo", 8216), ("rsquo", 8217), ("ldquo", 8220), ("rdquo", 8221),
            ("bull", 8226), ("laquo", 171), ("raquo", 187), ("euro", 8364),
        ]
        // Latin-1, U+00A1...U+00FF, in code point order.
        let latin1 = """
            iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
            acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc \
            Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve \
            Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute \
            acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde \
            ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
            """
        let latin1Names = latin1.split(separator: " ").map(String.init)
        precondition(latin1Names.count == 0xFF - 0xA0)
        let all = list + latin1Names.enumerated().map { ($1, UInt32(0xA1 + $0)) }
        var table: [UInt64: UInt32] = [:]
        for (name, value) in all {
            var key: UInt64 = 0
            for (offset, byte) in name.utf8.enumerated() { key |= UInt64(byte) << (8 * UInt64(offset)) }
            table[key] = value
        }
        return table
    }()
}
