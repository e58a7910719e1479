import LeadModel

/// The writer's labels on their numbers: when they list a work, office or home number first
/// and a cell after it (`Work: 512-555-0199` / `Cell: 512-555-0144`), the cell is the lead's
/// phone: a builder calls back on a cell, and texts it. A number is labelled by the words
/// before it on its line (``PhoneMatch/leadIn``: `Cell: `, `my mobile is `, `C: `,
/// `Office (w): `), else, when its line (of at most 120 bytes) holds no other number, by
/// its line (`512-555-0144 (cell)`), else, when its line is the number alone, by a short
/// label line above it (`Cell` / `512-555-0144`).
///
/// Unlabelled numbers, and a cell listed before a work number, keep their order (the first
/// is the phone); a fax never wins (``PhoneFinder``'s fax rule, before this one); a cell
/// named someone else's (`my realtor's cell`, `my husband's cell`) or the reader's (`your
/// cell`) is passed over as any such number is.
extension PhoneFinder {
    /// What a number's label says it is.
    enum NumberLabel: Equatable {
        case cell
        case work
        case home
        case none
    }

    /// Words that label a cell, lowercase (`cel` and `celular`: Spanish).
    private static let cellLabels: Set<String> = ["cell", "cellphone", "cel", "celular", "mobile", "mob", "text", "txt"]
    /// Words that label a work or office line.
    private static let workLabels: Set<String> = ["work", "office", "business", "wk", "ofc", "direct", "desk", "main"]
    /// Words that label a home line, where they stand as a label (``isLabelPlace(_:after:)``:
    /// "Home:", "at home 512-...", "home phone"; not "build a home, call ...").
    private static let homeLabels: Set<String> = ["home", "hm", "landline", "residence"]
    /// Words after which a home word still labels the number.
    private static let labelNouns: Set<String> = ["phone", "ph", "number", "no", "line", "tel"]
    /// ``cellLabels`` (value 1), ``workLabels`` (2) and ``homeLabels`` (3) by their bytes: a
    /// word is looked up from the stack, no String made.
    private static let labelTable = ASCIIWordTable(cellLabels.map { (word: $0, value: 1) } + workLabels.map { (word: $0, value: 2) }
        + homeLabels.map { (word: $0, value: 3) })

    /// The label of `text`'s words: a cell when one of them says so (`work cell` is a cell),
    /// else work when one says so (`home office`), else home, else none. A single letter
    /// counts only as a label in a signature's way, before a colon or in parentheses: `C:`,
    /// `M:`, `(c)` a cell; `W:`, `O:`, `(w)`, `(o)` work; `H:`, `(h)` home. Words are ASCII
    /// letters; other bytes separate them.
    static func label(of text: String) -> NumberLabel {
        var copy = text
        return copy.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: labelTable.maximumLength) { lower in
                label(of: bytes, lowering: lower)
            }
        }
    }

    /// ``label(of:)-(String)`` of `bytes`; `lower` holds a word of the longest label's length.
    private static func label(of bytes: UnsafeBufferPointer<UInt8>, lowering lower: UnsafeMutableBufferPointer<UInt8>) -> NumberLabel {
        var isWork = false
        var isHome = false
        var index = 0
        while index < bytes.count {
            guard isLetter(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, isLetter(bytes[index]) { index += 1 }
            let length = index - start
            if length == 1 {
                let next = index < bytes.count ? bytes[index] : 0
                let before = start > 0 ? bytes[start - 1] : 0
                guard next == UInt8(ascii: ":") || (before == UInt8(ascii: "(") && next == UInt8(ascii: ")")) else { continue }
                switch bytes[start] | 0x20 {
                case UInt8(ascii: "c"), UInt8(ascii: "m"): return .cell
                case UInt8(ascii: "w"), UInt8(ascii: "o"): isWork = true
                case UInt8(ascii: "h"): isHome = true
                default: break
                }
                continue
            }
            guard length <= labelTable.maximumLength else { continue }
            for offset in 0..<length { lower[offset] = bytes[start + offset] | 0x20 }
            switch labelTable.value(of: UnsafeBufferPointer(lower), 0..<length) {
            case 1: return .cell
            case 2: isWork = true
            case 3: isHome = isHome || isLabelPlace(bytes, after: index)
            default: break
            }
        }
        return isWork ? .work : isHome ? .home : .none
    }

    /// An ASCII letter: what a label's words are made of.
    @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Whether a word ending at `end` of `bytes` stands as a label: last before the number,
    /// or before `:`, `)`, `#`, `-`, or before a word such as `phone` or `number`.
    private static func isLabelPlace(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        var index = end
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count else { return true }
        if [UInt8(ascii: ":"), UInt8(ascii: ")"), UInt8(ascii: "#"), UInt8(ascii: "-")].contains(bytes[index]) { return true }
        let start = index
        while index < bytes.count, isLetter(bytes[index]) { index += 1 }
        guard index > start, index - start <= 6 else { return false }
        return labelNouns.contains(String(decoding: bytes[start..<index].lazy.map { $0 | 0x20 }, as: UTF8.self))
    }

    /// The label of the number `match` (see the type's notes); `lineText(i)` is the text's
    /// 0-based line `i`.
    static func label(of match: PhoneMatch, lineText: (Int) -> String?) -> NumberLabel {
        let byLeadIn = label(of: match.leadIn)
        // (A line that labels its one number is short: a longer one is not read.)
        guard byLeadIn == .none, match.line >= 1, let line = lineText(match.line - 1), line.utf8.count <= 120 else { return byLeadIn }
        var copy = line
        let (digits, letters) = copy.withUTF8 { bytes in
            (bytes.count { $0 &- 0x30 < 10 }, bytes.count { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
        }
        // (Its line's words, when the line holds this number alone: `512-555-0144 (cell)`.)
        guard digits <= 11 else { return .none }
        if letters > 0 { return label(of: line) }
        // The number alone on its line: a label alone on the line above (`Cell:`).
        guard match.line >= 2, let above = lineText(match.line - 2), above.utf8.count <= 16,
              !above.utf8.contains(where: { $0 &- 0x30 < 10 }) else { return .none }
        return label(of: above)
    }

    /// A cell the writer lists after `chosen`, their work or home number: the first of the
    /// numbers `later` gives (those after it in the text, whose 0-based line `i` is
    /// `lineText(i)`) labelled a cell that `usable` keeps and that is no one else's, other
    /// than `chosen`; nil when `chosen` is not labelled work or home or there is none.
    /// (`later` is asked only for such a number.)
    static func cellAfterLandline(
        _ chosen: PhoneMatch, later: () -> [PhoneMatch], usable: (PhoneMatch) -> Bool, lineText: (Int) -> String?
    ) -> PhoneMatch? {
        let landline: PhoneMatch.Landline
        switch label(of: chosen, lineText: lineText) {
        case .work: landline = .work
        case .home: landline = .home
        case .cell, .none: return nil
        }
        let cell = later().first { match in
            match.number != chosen.number && usable(match) && label(of: match, lineText: lineText) == .cell
                && !namesAnotherPersons(match, lineText: lineText)
        }
        return cell.map { match in
            var match = match
            match.cellListedAfter = landline
            return match
        }
    }
}
