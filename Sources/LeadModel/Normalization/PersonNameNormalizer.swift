/// Takes a written name apart: `JOHN SMITH` / `john smith` → John / Smith.
///
/// Rules, in order:
/// - Quotes, asterisks and bracketed notes (`"(Homeowner)"`) are dropped; a value with an
///   `@`, digits or more than six words is not a name (nil).
/// - Case: a name written all upper or all lower case is recased word by word (`mcdonald`
///   → `McDonald`, `o'brien` → `O'Brien`, `smith-jones` → `Smith-Jones`, particles `van`,
///   `der`, `de`, `la`, `von` ... lowercase inside a name); mixed case is kept as written
///   (`DeShawn`, `MacKenzie`, `de la Cruz`).
/// - Honorifics (`Mr.`, `Mrs.`, `Ms.`, `Dr.`, `Mr. and Mrs.`, `Mr & Mrs`) are dropped into
///   `honorific`; suffixes (`Jr.`, `Sr.`, `II`, `III`, `IV`, `PhD`, `MD`, `Esq.`, `PE`, `AIA`,
///   `RN` ...) into `suffix`.
///   One word left after a title is the last name (`Mr & Mrs Smith` → last `Smith`).
/// - A household (`The Okafor Family`, `Garcia family`): `Family` (and then a leading `The`)
///   is dropped; one word left is the last name, more are read as a name.
/// - `"Smith, John"` is swapped (`"Smith, Jr., John"` and `"John Smith, Jr."` are handled).
/// - Couples: `"John and Mary Smith"`, `"John & Mary Smith"` → first `John` (the first person
///   named; the one who wrote is usually named first), last `Smith`, `partnerFirst` `Mary`.
///   `"John Smith and Mary Jones"` → first `John`, last `Smith` (the first person whole).
/// - Otherwise the first word is the first name; single-letter initials after it go to
///   `middle`; the remaining words are the last name (`"Maria Gonzalez Ruiz"` → last
///   `"Gonzalez Ruiz"`, since double surnames are common and a middle name cannot be told
///   apart from a first surname), unless the first two words are a Spanish compound given
///   name (`María José García López` → first `María José`, last `García López`;
///   ``compoundGivenNames``). A last name that is an initial is written as one:
///   `Dana W` and `dana w.` → last `W.` (matching reads it as agreeing with `Whitfield`).
public enum PersonNameNormalizer {
    static let honorifics: [String: String] = [
        "mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "miss": "Miss", "mx": "Mx.", "dr": "Dr.",
        "prof": "Prof.", "rev": "Rev.", "sir": "Sir", "madam": "Madam",
    ]
    static let suffixes: [String: String] = [
        "jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV", "v": "V",
        "phd": "PhD", "md": "MD", "dds": "DDS", "esq": "Esq.", "cpa": "CPA", "pe": "PE",
        "aia": "AIA", "rn": "RN", "dmd": "DMD", "dvm": "DVM", "cfp": "CFP", "pmp": "PMP",
    ]
    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "dos", "das", "ter", "ten", "st",
    ]
    static let conjunctions: Set<String> = ["and", "&", "+"]
    /// The last word of a household's name (`The Okafor Family`): what is left is the surname.
    static let familyWord = "family"

    /// The parts of `raw`, or nil when it is not a usable name.
    public static func parse(_ raw: String) -> PersonName? {
        // Plain words as written (most names): one pass over the bytes.
        var copy = raw
        if let name = copy.withUTF8({ plainName($0, couples: true) }) { return name }
        // ASCII without CR (nearly every name): read from the bytes, no token Strings.
        if let ascii = asciiParse(raw) { return ascii }
        return generalParse(raw)
    }

    /// ``parse(_:)`` step by step on Strings: any text (``asciiParse(_:)`` must agree with it).
    static func generalParse(_ raw: String) -> PersonName? {
        generalParts(raw).map(withCompoundGivenName)
    }

    private static func generalParts(_ raw: String) -> PersonName? {
        var text: String
        if let ascii = raw.utf8.withContiguousStorageIfAvailable({ asciiCleaned($0) }), let ascii {
            text = ascii
        } else {
            text = TextScanning.collapsed(raw.filter { $0 != "\"" && $0 != "*" && $0 != "\u{201C}" && $0 != "\u{201D}" })
            text = removingBracketed(text)
        }
        // ASCII without CR (nearly every name): a Character per byte, so bytes answer.
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        let recase: Bool
        if isASCII {
            guard !text.isEmpty, !text.utf8.contains(where: { $0 == UInt8(ascii: "@") || ($0 >= 0x30 && $0 <= 0x39) }) else { return nil }
            recase = !text.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) || !text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A })
        } else {
            guard !text.isEmpty, !text.contains("@"), !text.contains(where: { TextScanning.isASCIIDigit($0) }) else { return nil }
            recase = !text.contains(where: \.isLowercase) || !text.contains(where: \.isUppercase)
        }
        /// `part.split(separator:)` as Strings.
        func pieces(_ part: String, _ separator: Character) -> [String] {
            isASCII ? asciiPieces(part, UInt8(ascii: separator.unicodeScalars.first ?? " ")) : part.split(separator: separator).map(String.init)
        }

        var result = PersonName()
        // "Smith, John", "Smith, Jr., John", "John Smith, Jr."
        var commaParts = isASCII
            ? asciiPieces(text, UInt8(ascii: ",")).map { TextScanning.trimmed($0) }.filter { !$0.isEmpty }
            : text.split(separator: ",").map { TextScanning.trimmed($0) }.filter { !$0.isEmpty }
        if let last = commaParts.last, commaParts.count >= 2, let suffix = suffixes[key(last)] {
            result.suffix = suffix
            commaParts.removeLast()
        }
        if commaParts.count >= 3, let suffix = suffixes[key(commaParts[1])] {
            result.suffix = suffix
            commaParts.remove(at: 1)
        }
        var tokens: [String]
        if commaParts.count == 2 {
            var given = pieces(commaParts[1], " ")
            while given.count > 1, let suffix = suffixes[key(given[given.count - 1])] {
                result.suffix = result.suffix ?? suffix
                given.removeLast()
            }
            tokens = given + pieces(commaParts[0], " ")
        } else if commaParts.count == 1 {
            tokens = pieces(commaParts[0], " ")
        } else {
            return nil
        }
        // Honorifics, including "Mr. and Mrs." and "Dr. & Mr.".
        var honorific: [String] = []
        while tokens.count > 1 {
            if let title = honorifics[key(tokens[0])] {
                honorific.append(title)
                tokens.removeFirst()
            } else if !honorific.isEmpty, conjunctions.contains(key(tokens[0])), tokens.count > 2, honorifics[key(tokens[1])] != nil {
                tokens.removeFirst()
            } else {
                break
            }
        }
        if !honorific.isEmpty { result.honorific = honorific.joined(separator: " & ") }
        while tokens.count > 1, let suffix = suffixes[key(tokens[tokens.count - 1])] {
            result.suffix = result.suffix ?? suffix
            tokens.removeLast()
        }
        // A household: "The Okafor Family", "Garcia family" (only with "Family" is "The" no name).
        var isFamily = false
        if tokens.count > 1, key(tokens[tokens.count - 1]) == familyWord {
            isFamily = true
            tokens.removeLast()
            if tokens.count > 1, key(tokens[0]) == "the" { tokens.removeFirst() }
        }
        guard !tokens.isEmpty, tokens.count <= 6 else { return nil }
        guard tokens.allSatisfy({ token in
            (isASCII ? token.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } : token.contains(where: \.isLetter))
                || conjunctions.contains(token)
        }) else { return nil }
        // One word after a title or before "Family" is a surname: "Mr & Mrs Smith", "Dr. Lee".
        if isFamily || !honorific.isEmpty, tokens.count == 1, !conjunctions.contains(key(tokens[0])) {
            result.last = word(tokens[0], recase: recase, isFirst: true)
            return result
        }

        // Couples.
        if let conjunction = tokens.firstIndex(where: { conjunctions.contains(key($0)) }) {
            let before = Array(tokens[..<conjunction])
            let after = Array(tokens[(conjunction + 1)...])
            guard !before.isEmpty, !after.isEmpty else { return nil }
            result.partnerFirst = word(after[0], recase: recase, isFirst: true)
            tokens = before.count == 1 ? before + after.dropFirst() : before
        }

        result.first = word(tokens[0], recase: recase, isFirst: true)
        var rest = Array(tokens.dropFirst())
        var middles: [String] = []
        while rest.count > 1, isInitial(rest[0]) {
            middles.append(initial(rest.removeFirst()))
        }
        if !middles.isEmpty { result.middle = middles.joined(separator: " ") }
        if rest.count == 1, isInitial(rest[0]) {
            // A last initial (`Dana W`, `Dana W.`) is written `W.`.
            result.last = initial(rest[0])
        } else if !rest.isEmpty {
            result.last = rest.map { word($0, recase: recase, isFirst: false) }.joined(separator: " ")
        }
        return result
    }

    /// The suffix `word` is as conventionally written (`jr` / `Jr.` → `Jr.`, `p.e.` → `PE`),
    /// or nil when it is none this normalizer knows.
    public static func suffix(for word: String) -> String? {
        suffixes[key(word)]
    }

    /// Canonical case for one name written all upper or all lower case.
    public static func recased(_ name: String) -> String {
        name.split(separator: " ").enumerated()
            .map { word(String($0.element), recase: true, isFirst: $0.offset == 0) }
            .joined(separator: " ")
    }

    static func key(_ token: some StringProtocol) -> String {
        // ASCII: lowercase the bytes and drop "." and "," bytes (a Character each).
        if let key = token.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { buffer in
                var length = 0
                for byte in bytes where byte != UInt8(ascii: ".") && byte != UInt8(ascii: ",") {
                    buffer[length] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    length += 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<length]), as: UTF8.self)
            }
        }), let key {
            return key
        }
        return token.lowercased().filter { $0 != "." && $0 != "," }
    }

    /// `text.split(separator:)` of ASCII text without CR, at a byte, as Strings.
    private static func asciiPieces(_ text: String, _ separator: UInt8) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == separator {
                if index > start { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            return pieces
        }
    }

    /// Whether `token` is one letter, with or without periods (`K.`, `K`).
    package static func isInitial(_ token: String) -> Bool {
        // (Most tokens are names: longer than a letter, its scalars and two periods.)
        guard token.utf8.count <= 8 else { return false }
        // ASCII: one letter byte, the others periods (as Characters, without making them).
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            var letters = 0
            for byte in token.utf8 where byte != UInt8(ascii: ".") {
                guard (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x7A else { return false }
                letters += 1
            }
            return letters == 1
        }
        let letters = token.filter { $0 != "." }
        return letters.count == 1 && letters.first!.isLetter
    }

    private static func initial(_ token: String) -> String {
        token.filter { $0 != "." }.uppercased() + "."
    }

    /// The first steps of ``parse(_:)`` (quotes and asterisks dropped, whitespace collapsed,
    /// bracketed notes removed, whitespace collapsed again) on ASCII bytes without "\r",
    /// where a Character is one byte and whitespace is 0x09-0x0D and space; nil otherwise.
    private static func asciiCleaned(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
        @inline(__always) func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        /// Appends `byte` to `out`, a space-collapsed text: whitespace becomes one pending space.
        @inline(__always) func append(_ byte: UInt8, to out: inout [UInt8], pendingSpace: inout Bool) {
            if isWhitespace(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(bytes.count)
        var pending = false
        for byte in bytes where byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "*") {
            append(byte, to: &collapsed, pendingSpace: &pending)
        }
        var result: [UInt8] = []
        result.reserveCapacity(collapsed.count)
        pending = false
        var depth = 0
        for byte in collapsed {
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1; continue }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth = max(0, depth - 1); continue }
            if depth == 0 { append(byte, to: &result, pendingSpace: &pending) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// ``word(_:recase:isFirst:)`` (recasing) of ASCII bytes without CR; nil for others.
    private static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, isFirst: Bool) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        @inline(__always) func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { output in
            for index in bytes.indices { output[index] = lower(bytes[index]) }
            let count = bytes.count
            let lowered = UnsafeBufferPointer(rebasing: output[0..<count])
            if !isFirst, particles.contains(String(decoding: lowered, as: UTF8.self)) { return String(decoding: lowered, as: UTF8.self) }
            if count == 1 || (count == 2 && output[1] == UInt8(ascii: ".")) {
                for index in 0..<count { output[index] = upper(output[index]) }
                return String(decoding: lowered, as: UTF8.self)
            }
            // Hyphenated and apostrophe'd parts are cased separately: Smith-Jones, O'Brien, D'Angelo.
            var startOfPart = true
            for index in 0..<count {
                let byte = output[index]
                if startOfPart, (byte >= 0x61 && byte <= 0x7A) {
                    output[index] = upper(byte)
                    startOfPart = false
                }
                if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") { startOfPart = true }
            }
            // Mc prefix: mcdonald → McDonald. (Mac is ambiguous: Mack, Macy; left alone.)
            if count > 3, output[0] == UInt8(ascii: "M"), output[1] == UInt8(ascii: "c") { output[2] = upper(output[2]) }
            return String(decoding: lowered, as: UTF8.self)
        }
    }

    private static func removingBracketed(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" || character == "[" { depth += 1; continue }
            if character == ")" || character == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return TextScanning.collapsed(result)
    }

    private static func word(_ token: String, recase: Bool, isFirst: Bool) -> String {
        guard recase else { return token }
        var copy = token
        if let ascii = copy.withUTF8({ asciiWord($0, isFirst: isFirst) }) { return ascii }
        let lower = token.lowercased()
        if !isFirst, particles.contains(lower) { return lower }
        if lower.count == 1 || (lower.count == 2 && lower.last == ".") { return lower.uppercased() }
        // Hyphenated and apostrophe'd parts are cased separately: Smith-Jones, O'Brien, D'Angelo.
        var output = ""
        var startOfPart = true
        for character in lower {
            if startOfPart, character.isLetter {
                output += character.uppercased()
                startOfPart = false
            } else {
                output.append(character)
            }
            if character == "-" || character == "'" || character == "\u{2019}" { startOfPart = true }
        }
        // Mc prefix: mcdonald → McDonald. (Mac is ambiguous: Mack, Macy; left alone.)
        if output.hasPrefix("Mc"), output.count > 3 {
            let third = output.index(output.startIndex, offsetBy: 2)
            output = String(output[..<third]) + output[third...].prefix(1).uppercased() + output[output.index(after: third)...]
        }
        return output
    }
}
