/// Text nodes: whitespace collapsing, `&nbsp;`, invisible characters, `<pre>`.
extension TextRenderer {
    /// Writes the NUL-terminated UTF-8 content of a text node.
    ///
    /// One forward pass; every look-ahead is bounded, so the cost is linear in the text.
    mutating func writeText(_ text: UnsafePointer<UInt8>) {
        var index = 0
        while text[index] != 0 {
            if sink.isFull { return }
            let byte = text[index]
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") {
                // Fast path: a run of printable ASCII goes to the sink in one piece.
                var end = index + 1
                while Self.isPlainVisible(text[end]) { end += 1 }
                if preformattedDepth == 0 {
                    // Words separated by single spaces: the collapsed spaces would write exactly
                    // these bytes (a space owed after visible text on the line is written
                    // before the next word), so the sentence goes to the sink in one piece.
                    while text[end] == 0x20, Self.isPlainVisible(text[end + 1]) {
                        end += 2
                        while Self.isPlainVisible(text[end]) { end += 1 }
                    }
                }
                let run = UnsafeBufferPointer(start: text + index, count: end - index)
                atPreformattedStart = false
                if preformattedDepth > 0 { sink.writeLiteral(run) } else { sink.writeVisible(run) }
                index = end
                continue
            }
            if byte < 0x80 {
                index += writeASCII(text, at: index)
                continue
            }
            let (length, isValid) = Self.sequence(text, at: index)
            atPreformattedStart = false
            guard isValid else {
                // Written as U+FFFD here, not repaired later, so the byte limit holds exactly.
                Self.replacementCharacter.withUnsafeBufferPointer {
                    if preformattedDepth > 0 { sink.writeLiteral($0) } else { sink.writeVisible($0) }
                }
                index += length
                continue
            }
            let scalar = UnsafeBufferPointer(start: text + index, count: length)
            switch Self.classify(scalar) {
            case .invisible:
                break
            case .noBreakSpace:
                if preformattedDepth > 0 {
                    writeLiteral(UInt8(ascii: " "))
                } else {
                    sink.markLineUsed()
                    sink.requestSpace()
                }
            case .whitespace:
                if preformattedDepth > 0 { writeLiteral(UInt8(ascii: " ")) } else { sink.requestSpace() }
            case .visible:
                if preformattedDepth > 0 { sink.writeLiteral(scalar) } else { sink.writeVisible(scalar) }
            }
            index += length
        }
    }

    /// Writes the ASCII character at `index`; returns how many bytes it consumed.
    private mutating func writeASCII(_ text: UnsafePointer<UInt8>, at index: Int) -> Int {
        let byte = text[index]
        let isPreformatted = preformattedDepth > 0
        if isPreformatted, atPreformattedStart {
            atPreformattedStart = false
            // Browsers drop one newline right after `<pre>`.
            if byte == UInt8(ascii: "\n") { return 1 }
            if byte == UInt8(ascii: "\r") { return text[index + 1] == UInt8(ascii: "\n") ? 2 : 1 }
        }
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            guard isPreformatted else {
                sink.requestSpace()
                return 1
            }
            sink.writeLiteralNewline()
            return byte == UInt8(ascii: "\r") && text[index + 1] == UInt8(ascii: "\n") ? 2 : 1
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            if isPreformatted { writeLiteral(byte) } else { sink.requestSpace() }
            return 1
        case 0x0C:
            if !isPreformatted { sink.requestSpace() }
            return 1
        case 0x01...0x1F, 0x7F:
            // Other control characters have no place in text.
            return 1
        case UInt8(ascii: "<"):
            // libxml2 2.9 keeps Outlook's downlevel-revealed conditionals (`<![if !supportLists]>`,
            // `<![endif]>`) as text; browsers treat them as comments.
            if let skip = Self.conditionalMarkerLength(text, at: index) { return skip }
            fallthrough
        default:
            withUnsafePointer(to: byte) { pointer in
                let one = UnsafeBufferPointer(start: pointer, count: 1)
                if isPreformatted { sink.writeLiteral(one) } else { sink.writeVisible(one) }
            }
            return 1
        }
    }

    /// Printable ASCII other than space and `<`: what the fast path writes as it stands.
    @inline(__always)
    private static func isPlainVisible(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<")
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    private mutating func writeLiteral(_ byte: UInt8) {
        withUnsafePointer(to: byte) { sink.writeLiteral(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// The length of `<![if ...]>` or `<![endif]>` at `index` (at most 80 bytes), or nil.
    private static func conditionalMarkerLength(_ text: UnsafePointer<UInt8>, at index: Int) -> Int? {
        guard text[index + 1] == UInt8(ascii: "!"), text[index + 2] == UInt8(ascii: "[") else { return nil }
        let keywordStart = index + 3
        let isIf = text[keywordStart] | 0x20 == UInt8(ascii: "i") && text[keywordStart + 1] | 0x20 == UInt8(ascii: "f")
        let isEndif = !isIf && text[keywordStart] | 0x20 == UInt8(ascii: "e")
            && text[keywordStart + 1] | 0x20 == UInt8(ascii: "n") && text[keywordStart + 2] | 0x20 == UInt8(ascii: "d")
        guard isIf || isEndif else { return nil }
        var end = keywordStart
        while end < index + 80, text[end] != 0 {
            if text[end] == UInt8(ascii: "]"), text[end + 1] == UInt8(ascii: ">") { return end + 2 - index }
            end += 1
        }
        return nil
    }

    /// Measures the UTF-8 sequence at `index`: its length, and whether it is well-formed
    /// (no stray or overlong bytes, no surrogates, not cut short). Reading stops at the
    /// first byte that does not fit, so the terminating NUL is never passed.
    private static func sequence(_ text: UnsafePointer<UInt8>, at index: Int) -> (length: Int, isValid: Bool) {
        guard let (expected, secondRange) = UTF8LeadByte.shape(of: text[index]) else { return (1, false) }
        guard secondRange.contains(text[index + 1]) else { return (1, false) }
        var length = 2
        while length < expected, text[index + length] & 0xC0 == 0x80 { length += 1 }
        return (length, length == expected)
    }

    private enum CharacterClass { case visible, whitespace, noBreakSpace, invisible }

    /// Sorts out the few non-ASCII characters that need care.
    private static func classify(_ scalar: UnsafeBufferPointer<UInt8>) -> CharacterClass {
        switch scalar.count {
        case 2:
            if scalar[0] == 0xC2 && scalar[1] == 0xA0 { return .noBreakSpace }
            // Soft hyphen and the combining grapheme joiner (pre-header padding) never show.
            if scalar[0] == 0xC2 && scalar[1] == 0xAD { return .invisible }
            if scalar[0] == 0xCD && scalar[1] == 0x8F { return .invisible }
            if scalar[0] == 0xC2 && scalar[1] == 0x85 { return .whitespace }
        case 3:
            if scalar[0] == 0xE2 && scalar[1] == 0x80 {
                switch scalar[2] {
                case 0x8B: return .invisible  // zero width space
                case 0xA8, 0xA9: return .whitespace  // line and paragraph separators
                case 0xAF: return .noBreakSpace  // narrow no-break space
                default: break
                }
            }
            if scalar[0] == 0xEF && scalar[1] == 0xBB && scalar[2] == 0xBF { return .invisible }  // BOM
        default:
            break
        }
        return .visible
    }
}
