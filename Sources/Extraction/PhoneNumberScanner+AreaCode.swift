import LeadModel

extension PhoneNumberScanner {
    /// A 7-digit local number (`555-0144`, `555.0144`, `555 0144`) joined with the area code
    /// its line states apart, in the same sentence: `You can reach me at 555-0144 (area code
    /// 512).`, `cell 555-0144, area code 512`, `my number is (area code 737) 555-0188`, `Call
    /// 555 0144, it is a 512 area code.`, `my cell is a 737 area code: 555-0188`. E.164, with
    /// ``PhoneMatch/isAreaCodeJoined`` set and the extension when one follows the local number
    /// (`555-0144 ext 12`).
    ///
    /// Nil unless the line holds exactly one local number and one `area code` with three
    /// digits after it (not more: `area code 78701` is no area code), or before it as the
    /// number's (``areaCodeBefore(_:phrase:lineStart:)``: not `moving from the 212 area
    /// code`), that make a valid NANP number with it. A local number written with a space is
    /// no part of a longer run of digit groups and follows no suite's or lot's word. A bare
    /// local number without an area code is no phone (as ``firstPhone(in:)`` has it). Lines
    /// count LF bytes, as the scanner's do. Only a line's first `area code` is tried: the
    /// work stays linear in the text.
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
                // One try a line: the line is read whole below, so a line of many "area code"
                // phrases (hostile input) would be read once per phrase.
                index = lineEnd
                // The area code after the phrase (`area code 512`), else before it (`a 512 area code`).
                guard let areaCode = Self.areaCodeAfter(bytes, phrase: phraseStart + length, lineEnd: lineEnd)
                        ?? Self.areaCodeBefore(bytes, phrase: phraseStart, lineStart: lineStart) else { continue }
                // The line's one local number: three digits, `-`, `.` or a space, four digits,
                // nothing glued on either side (a longer number, a price, a word).
                var local: Range<Int>?
                var start = lineStart
                while start + 8 <= lineEnd {
                    defer { start += 1 }
                    let separator = start + 3 < lineEnd ? bytes[start + 3] : 0
                    guard isDigit(start), isDigit(start + 1), isDigit(start + 2),
                          separator == UInt8(ascii: "-") || separator == UInt8(ascii: ".") || separator == 0x20,
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
                    // (Written with a space, the number is two groups of digits among words:
                    // not one of a longer run of groups (`1 555 0144`, `555 0144 22`), nor a
                    // suite's or a lot's number.)
                    if separator == 0x20 {
                        if start >= lineStart + 2, bytes[start - 1] == 0x20 || bytes[start - 1] == UInt8(ascii: "-"), isDigit(start - 2) { continue }
                        if end + 1 < lineEnd, bytes[end] == 0x20 || bytes[end] == UInt8(ascii: "-"), isDigit(end + 1) { continue }
                        if Self.followsUnitWord(bytes, start, lineStart: lineStart) { continue }
                    }
                    // (The area code itself is no local number: `area code: 555-0188`.)
                    if start < areaCode.upperBound, areaCode.lowerBound < end { continue }
                    // (A second one: which goes with the area code is unclear.)
                    guard local == nil else { return nil }
                    local = start..<end
                }
                guard let local else { continue }
                // One sentence: no `.`, `!`, `?` or `;` ending one between them.
                let span = min(phraseStart, areaCode.lowerBound, local.lowerBound)..<max(phraseStart + length, areaCode.upperBound, local.upperBound)
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

    /// The area code stated after the phrase ending at `phrase` (`area code 512`, `area
    /// code: 512`, `area code is 512`, `(area code 512)`): past spaces, `:`, `(`, `is`, `of`,
    /// three digits with no fourth, and not the head of a number (`area code: 555-0188`).
    private static func areaCodeAfter(_ bytes: UnsafeBufferPointer<UInt8>, phrase end: Int, lineEnd: Int) -> Range<Int>? {
        @inline(__always) func isDigit(_ index: Int) -> Bool { bytes[index] &- 0x30 < 10 }
        @inline(__always) func isLetter(_ index: Int) -> Bool { (bytes[index] | 0x20) &- 0x61 < 26 || bytes[index] >= 0x80 }
        var cursor = end
        while cursor < lineEnd, bytes[cursor] == 0x20 || bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: "(") {
            cursor += 1
        }
        for word in ["is ", "of "] where cursor + 3 <= lineEnd
            && word.utf8.enumerated().allSatisfy({ bytes[cursor + $0.offset] | 0x20 == $0.element }) {
            cursor += 3
            while cursor < lineEnd, bytes[cursor] == 0x20 { cursor += 1 }
        }
        guard cursor + 3 <= lineEnd, isDigit(cursor), isDigit(cursor + 1), isDigit(cursor + 2) else { return nil }
        if cursor + 3 < lineEnd {
            if isDigit(cursor + 3) || isLetter(cursor + 3) { return nil }
            if bytes[cursor + 3] == UInt8(ascii: "-") || bytes[cursor + 3] == UInt8(ascii: "."),
               cursor + 4 < lineEnd, isDigit(cursor + 4) { return nil }
        }
        return cursor..<(cursor + 3)
    }

    /// The area code stated before the phrase starting at `phrase`, as a number's
    /// (`it is a 512 area code`, `my cell is a 737 area code`, `(512 area code)`, `555 0144,
    /// 512 area code`): three digits and a space right before it, not glued to a longer
    /// number, a price or a word. The words before the digits must say the number has it:
    /// nothing (a mark or the line's start), `is`/`it's`/a phone word, or `a`/`an` not after
    /// a place's preposition (`moving from a 212 area code`), or `the` after `is`/`it's`
    /// (`we are moving from the 212 area code`, `our lot is in the 512 area code` name a
    /// place, not the number's).
    private static func areaCodeBefore(_ bytes: UnsafeBufferPointer<UInt8>, phrase start: Int, lineStart: Int) -> Range<Int>? {
        @inline(__always) func isDigit(_ index: Int) -> Bool { bytes[index] &- 0x30 < 10 }
        @inline(__always) func isLetter(_ index: Int) -> Bool { (bytes[index] | 0x20) &- 0x61 < 26 || bytes[index] >= 0x80 }
        var digitsEnd = start
        while digitsEnd > lineStart, start - digitsEnd < 3, bytes[digitsEnd - 1] == 0x20 { digitsEnd -= 1 }
        let digitsStart = digitsEnd - 3
        guard digitsEnd < start, digitsStart >= lineStart, isDigit(digitsStart), isDigit(digitsStart + 1), isDigit(digitsStart + 2) else {
            return nil
        }
        if digitsStart > lineStart {
            let before = bytes[digitsStart - 1]
            if isDigit(digitsStart - 1) || isLetter(digitsStart - 1) || before == UInt8(ascii: "$") || before == UInt8(ascii: "#")
                || before == UInt8(ascii: "-") || before == UInt8(ascii: ".") || before == UInt8(ascii: "/") || before == UInt8(ascii: ",")
                    && digitsStart >= lineStart + 2 && isDigit(digitsStart - 2) { return nil }
        }
        // The words before the digits (lowercase ASCII letters and apostrophes; a word with
        // any other byte is none of those looked for).
        var cursor = digitsStart
        func previousWord() -> String? {
            while cursor > lineStart, bytes[cursor - 1] == 0x20 || bytes[cursor - 1] == UInt8(ascii: "(") { cursor -= 1 }
            let end = cursor
            while cursor > lineStart, end - cursor < 12, isLetter(cursor - 1) || bytes[cursor - 1] == UInt8(ascii: "'") { cursor -= 1 }
            guard cursor < end else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<end]), as: UTF8.self).lowercased()
        }
        guard let word = previousWord() else { return digitsStart..<digitsEnd }
        if numbersWords.contains(word) { return digitsStart..<digitsEnd }
        guard word == "a" || word == "an" || word == "the" else { return nil }
        let before = previousWord()
        if word == "the" { return before.map { ["is", "it's", "it\u{2019}s", "its", "was"].contains($0) } == true ? digitsStart..<digitsEnd : nil }
        return before.map { placePrepositions.contains($0) } == true ? nil : digitsStart..<digitsEnd
    }

    /// Words right before `NNN area code` that make it the number's (`my cell is 512 area code`).
    private static let numbersWords: Set<String> = ["is", "it's", "it\u{2019}s", "its", "was", "cell", "phone", "number", "mobile"]
    /// Words before `a NNN area code` that make it a place's (`moving from a 212 area code`).
    private static let placePrepositions: Set<String> = [
        "from", "in", "into", "outside", "to", "near", "around", "within", "leaving", "of", "for",
    ]

    /// Whether the word before the number starting at `start` names a suite, a unit, a lot or
    /// a box (`Suite 555 0144`, `Lot 555 0144`).
    private static func followsUnitWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, lineStart: Int) -> Bool {
        var end = start
        while end > lineStart, bytes[end - 1] == 0x20 || bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        var cursor = end
        while cursor > lineStart, end - cursor < 10, (bytes[cursor - 1] | 0x20) &- 0x61 < 26 { cursor -= 1 }
        guard cursor < end, cursor == lineStart || (bytes[cursor - 1] | 0x20) &- 0x61 >= 26 else { return false }
        return unitWords.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<end]), as: UTF8.self).lowercased())
    }

    /// Words that number a place, not a phone.
    private static let unitWords: Set<String> = [
        "suite", "ste", "unit", "apt", "apartment", "lot", "lots", "block", "blk", "bldg", "building", "room", "rm", "box",
        "tract", "parcel", "section", "phase", "plan", "model", "order", "invoice", "account", "acct", "no", "item", "id",
    ]

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
