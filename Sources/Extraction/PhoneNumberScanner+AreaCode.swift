import LeadModel

extension PhoneNumberScanner {
    /// A 7-digit local number (`555-0144`, `555.0144`) joined with the area code its line
    /// states apart, in the same sentence: `You can reach me at 555-0144 (area code 512).`,
    /// `cell 555-0144, area code 512`, `my number is (area code 737) 555-0188`. E.164, with
    /// ``PhoneMatch/isAreaCodeJoined`` set and the extension when one follows the local number
    /// (`555-0144 ext 12`).
    ///
    /// Nil unless the line holds exactly one local number and one `area code` followed by
    /// three digits (not more: `area code 78701` is no area code) that make a valid NANP
    /// number with it. A bare local number without an area code is no phone (as
    /// ``firstPhone(in:)`` has it). Lines count LF bytes, as the scanner's do. Only a line's
    /// first `area code` is tried: the work stays linear in the text.
    public func areaCodeJoinedPhone(in text: String) -> PhoneMatch? {
        var copy = text
        return copy.withUTF8 { bytes -> PhoneMatch? in
            @inline(__always) func isDigit(_ index: Int) -> Bool { bytes[index] &- 0x30 < 10 }
            @inline(__always) func isLetter(_ index: Int) -> Bool { (bytes[index] | 0x20) &- 0x61 < 26 || bytes[index] >= 0x80 }
            let phrase: StaticString = "area code"
            let length = phrase.utf8CodeUnitCount
            guard bytes.count >= length + 10 else { return nil }
            var line = 1
            var lineStart = 0
            var index = 0
            while index + length <= bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                    index += 1
                    continue
                }
                guard byte | 0x20 == UInt8(ascii: "a"), index == 0 || !isLetter(index - 1),
                      (0..<length).allSatisfy({ bytes[index + $0] | 0x20 == phrase.utf8Start[$0] }) else {
                    index += 1
                    continue
                }
                let phraseStart = index
                var lineEnd = index
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                // The area code: past spaces, `:`, `is`, `of`, `(`, three digits and no fourth.
                var cursor = index + length
                while cursor < lineEnd, bytes[cursor] == 0x20 || bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: "(") {
                    cursor += 1
                }
                for word in ["is ", "of "] where cursor + 3 <= lineEnd
                    && word.utf8.enumerated().allSatisfy({ bytes[cursor + $0.offset] | 0x20 == $0.element }) {
                    cursor += 3
                    while cursor < lineEnd, bytes[cursor] == 0x20 { cursor += 1 }
                }
                // One try a line: the line is read whole below, so a line of many "area code"
                // phrases (hostile input) would be read once per phrase.
                index = lineEnd
                guard cursor + 3 <= lineEnd, isDigit(cursor), isDigit(cursor + 1), isDigit(cursor + 2),
                      cursor + 3 == lineEnd || !(isDigit(cursor + 3) || isLetter(cursor + 3)) else { continue }
                let areaCode = cursor..<(cursor + 3)
                // The line's one local number: three digits, `-` or `.`, four digits, nothing
                // glued on either side (a longer number, a price, a word).
                var local: Range<Int>?
                var start = lineStart
                while start + 8 <= lineEnd {
                    defer { start += 1 }
                    guard isDigit(start), isDigit(start + 1), isDigit(start + 2),
                          bytes[start + 3] == UInt8(ascii: "-") || bytes[start + 3] == UInt8(ascii: "."),
                          (4..<8).allSatisfy({ isDigit(start + $0) }) else { continue }
                    if start > lineStart {
                        let before = bytes[start - 1]
                        if isDigit(start - 1) || isLetter(start - 1) || before == UInt8(ascii: "$") || before == UInt8(ascii: "#")
                            || ((before == UInt8(ascii: "-") || before == UInt8(ascii: ".") || before == UInt8(ascii: ")"))
                                && start >= lineStart + 2 && isDigit(start - 2)) { continue }
                    }
                    let end = start + 8
                    if end < lineEnd {
                        if isDigit(end) || isLetter(end) { continue }
                        if (bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".")), end + 1 < lineEnd, isDigit(end + 1) { continue }
                    }
                    // (A second one: which goes with the area code is unclear.)
                    guard local == nil else { return nil }
                    local = start..<end
                }
                guard let local else { continue }
                // One sentence: no `.`, `!`, `?` or `;` ending one between them.
                let span = min(phraseStart, local.lowerBound)..<max(areaCode.upperBound, local.upperBound)
                if span.contains(where: { position in
                    let byte = bytes[position]
                    return byte == UInt8(ascii: ";") || (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"))
                        && position + 1 < bytes.count && bytes[position + 1] == 0x20
                }) { continue }
                var digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[areaCode]), as: UTF8.self)
                digits += String(decoding: UnsafeBufferPointer(rebasing: bytes[local.lowerBound..<(local.lowerBound + 3)]), as: UTF8.self)
                digits += String(decoding: UnsafeBufferPointer(rebasing: bytes[(local.lowerBound + 4)..<local.upperBound]), as: UTF8.self)
                guard let phone = PhoneNormalizer.normalize(digits), phone.isNANP else { continue }
                var match = PhoneMatch(number: phone.e164, phoneExtension: Self.extensionDigits(bytes, after: local.upperBound, lineEnd: lineEnd), line: line)
                match.isAreaCodeJoined = true
                let leadInStart = max(lineStart, local.lowerBound - PhoneMatch.maximumLeadIn)
                match.leadIn = String(decoding: UnsafeBufferPointer(rebasing: bytes[leadInStart..<local.lowerBound]), as: UTF8.self)
                return match
            }
            return nil
        }
    }

    /// The digits of `x12`, `ext 12`, `ext. 12`, `extension 12` right after a number ending
    /// at `start` (past spaces and a comma), if any.
    private static func extensionDigits(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int, lineEnd: Int) -> String? {
        var cursor = start
        while cursor < lineEnd, bytes[cursor] == 0x20 || bytes[cursor] == UInt8(ascii: ",") { cursor += 1 }
        var word = cursor
        while word < lineEnd, (bytes[word] | 0x20) &- 0x61 < 26 { word += 1 }
        let keyword = String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<word]), as: UTF8.self).lowercased()
        guard ["x", "ext", "extension"].contains(keyword) else { return nil }
        cursor = word
        while cursor < lineEnd, bytes[cursor] == 0x20 || bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: ":") { cursor += 1 }
        var end = cursor
        while end < lineEnd, bytes[end] &- 0x30 < 10 { end += 1 }
        guard (1...6).contains(end - cursor), end == lineEnd || (bytes[end] | 0x20) &- 0x61 >= 26 else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<end]), as: UTF8.self)
    }
}
