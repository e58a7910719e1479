internal import CLibXML2

/// Reads attributes straight from libxml2's tree, without the allocation `xmlGetProp` makes.
///
/// libxml2's HTML parser lower-cases attribute names and stores each value as text
/// children of the attribute node, entities already decoded.
enum NodeAttributes {
    /// The value of the attribute called `name` (lower-case ASCII), or nil when absent.
    static func value(_ name: StaticString, of node: xmlNodePtr) -> [UInt8]? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, matches(attributeName, name) {
                return text(of: current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Whether the element is hidden the cheap ways mail uses: the `hidden` attribute or an
    /// inline `display:none` (pre-header text, tracking blocks).
    static func isHidden(_ node: xmlNodePtr) -> Bool {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                if matches(name, "hidden") { return true }
                if matches(name, "style"), withValue(of: current, { declaresDisplayNone($0) }) { return true }
            }
            attribute = current.pointee.next
        }
        return false
    }

    /// Whether a class attribute names one of Outlook's Word classes (`MsoNormal`,
    /// `MsoPlainText`, `MsoListParagraph`...), whose paragraphs have no margins.
    static func hasOutlookClass(_ node: xmlNodePtr) -> Bool {
        guard let value = value("class", of: node) else { return false }
        return value.withUnsafeBufferPointer { hasOutlookClass(value: $0) }
    }

    /// ``hasOutlookClass(_:)`` on a class attribute's value.
    static func hasOutlookClass(value: UnsafeBufferPointer<UInt8>) -> Bool {
        var tokenStart = true
        var index = 0
        while index < value.count {
            let byte = value[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                tokenStart = true
            } else {
                if tokenStart, index + 3 <= value.count,
                    value[index] | 0x20 == UInt8(ascii: "m"), value[index + 1] | 0x20 == UInt8(ascii: "s"),
                    value[index + 2] | 0x20 == UInt8(ascii: "o")
                {
                    return true
                }
                tokenStart = false
            }
            index += 1
        }
        return false
    }

    /// Finds a `display: none` declaration in an inline style, ignoring ASCII case and the
    /// whitespace CSS allows around the colon. Linear: each start position is tried once
    /// and a failed match never rescans more than `display` plus its spaces.
    static func declaresDisplayNone(_ style: [UInt8]) -> Bool {
        style.withUnsafeBufferPointer { declaresDisplayNone($0) }
    }

    ///
    /// A declaration starts at the first byte or after `;`, `{` or a space; only a `d` or `D`
    /// there is tried, and those are found eight bytes at a time (styles are long and this
    /// runs for every styled element the renderer enters).
    static func declaresDisplayNone(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = style.baseAddress else { return false }
        let display = Self.bytes("display")
        let none = Self.bytes("none")
        var index = 0
        while let candidate = nextLetterD(base, count: style.count, from: index) {
            if candidate == 0 || isDeclarationBoundary(style[candidate - 1]) {
                if let end = match(style, from: candidate, display, none) { return end }
            }
            index = candidate + 1
        }
        return false
    }

    /// The first `d` or `D` at or after `start`, or nil.
    private static func nextLetterD(_ base: UnsafePointer<UInt8>, count: Int, from start: Int) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // `| 0x20` maps exactly `D` and `d` to `d`; XOR with `d` then leaves a zero byte.
        let fold = ones &* 0x20
        let pattern = ones &* UInt64(UInt8(ascii: "d"))
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= count {
            let word = (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) | fold) ^ pattern
            // "Has a zero byte": the lowest flagged byte is always a real zero.
            let found = (word &- ones) & ~word & highs
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count {
            if base[index] | 0x20 == UInt8(ascii: "d") { return index }
            index += 1
        }
        return nil
    }

    private static func isDeclarationBoundary(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == UInt8(ascii: "{") || isSpace(byte)
    }

    /// Tries `display <ws> : <ws> none <end>` at `start`; true on a match, nil otherwise.
    private static func match(
        _ style: UnsafeBufferPointer<UInt8>, from start: Int,
        _ display: UnsafeBufferPointer<UInt8>, _ none: UnsafeBufferPointer<UInt8>
    ) -> Bool? {
        var index = start
        for expected in display {
            guard index < style.count, lowercased(style[index]) == expected else { return nil }
            index += 1
        }
        while index < style.count, isSpace(style[index]) { index += 1 }
        guard index < style.count, style[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        while index < style.count, isSpace(style[index]) { index += 1 }
        for expected in none {
            guard index < style.count, lowercased(style[index]) == expected else { return nil }
            index += 1
        }
        // `display:none-ish` is not `none`.
        guard index < style.count else { return true }
        let after = style[index]
        return isSpace(after) || after == UInt8(ascii: ";") || after == UInt8(ascii: "!")
            || after == UInt8(ascii: "}") ? true : nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Calls `body` with the attribute's value; no copy when it is one text node (the
    /// usual case), a concatenation otherwise.
    static func withValue<Result>(
        of attribute: UnsafeMutablePointer<xmlAttr>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if let child = attribute.pointee.children, child.pointee.next == nil {
            guard let content = child.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        return text(of: attribute).withUnsafeBufferPointer(body)
    }

    /// The attribute's value: its text children concatenated.
    static func text(of attribute: UnsafeMutablePointer<xmlAttr>) -> [UInt8] {
        var result: [UInt8] = []
        var child = attribute.pointee.children
        while let current = child {
            if let content = current.pointee.content {
                var pointer = UnsafePointer(content)
                while pointer.pointee != 0 {
                    result.append(pointer.pointee)
                    pointer += 1
                }
            }
            child = current.pointee.next
        }
        return result
    }

    /// Compares an attribute name (as stored, without NUL) with a lower-case ASCII name the
    /// way ``matches(_:_:)`` compares libxml2's NUL-terminated names.
    static func matches(_ attributeName: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        let wanted = bytes(name)
        guard attributeName.count == wanted.count else { return false }
        for index in 0..<wanted.count where attributeName[index] | 0x20 != wanted[index] { return false }
        return true
    }

    /// Compares a NUL-terminated attribute name with a lower-case ASCII name.
    private static func matches(_ cName: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        var pointer = cName
        for byte in bytes(name) {
            guard pointer.pointee | 0x20 == byte else { return false }
            pointer += 1
        }
        return pointer.pointee == 0
    }

    /// A literal's UTF-8 bytes without allocating (this runs for every element).
    private static func bytes(_ literal: StaticString) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    }
}
