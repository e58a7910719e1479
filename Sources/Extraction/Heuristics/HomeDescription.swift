import LeadModel

/// A home to build told by its rooms and size, with no word for what it is: the list a
/// prospect sends ("4 bed, 3.5 bath, office, 3 car garage, covered patio, about 3,200 sq ft").
/// Read as `new_build`, over the features the list names (a covered patio is no patio
/// project here), and under every project a phrase names (a remodel, an ADU, a custom home).
///
/// A line needs all three: a bedroom count, a bathroom count and a floor area of a home
/// (500 sq ft or more), the unit of area a word of its own (`3,200 sq ft`, `2800 sf`; a text
/// without such a word is not read). A line with a word saying the home is one they have,
/// live in, sell or rent ("we have a 3 bed 2 bath, 1,800 sq ft") describes no home to build
/// and is not read, unless a wish comes before its first number and after every such word
/// there ("we want a 4 bed, 3 bath, 3,000 sq ft, we have a budget of 600k"; "we sold ours and
/// would like a 4 bed ..."; not "we're looking to sell our 3 bed ...").
enum HomeDescription {
    /// The 1-based number of the first line that describes a home to build.
    static func firstLine(in lines: InquiryLines) -> Int? {
        guard requirements.mayMatch(lines.textPresence) else { return nil }
        for (index, line) in lines.lines.enumerated() where lines.traits[index].hasDigit {
            var text = line.text
            if text.withUTF8(describesHome) { return line.number }
        }
        return nil
    }

    /// Whether `line` (UTF-8) gives bedrooms, bathrooms and a floor area, and says nothing
    /// of a home already theirs.
    static func describesHome(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        // (Every bathroom unit holds "ba": most lines are out at once.)
        guard FoldedSearch.contains(line, "ba") else { return false }
        var bedrooms = false, bathrooms = false, area = false
        var blocked = false, wished = false, counted = false
        // The count or size just read, waiting for its unit; "sq" waits for "ft".
        var number: Int?
        var squareOf: Int?
        for token in Tokens(line) {
            switch token {
            case .number(let value):
                number = value
                squareOf = nil
                counted = true
            case .word(let word):
                // (Before the first number, the later of a blocking word and a wish says.)
                if blockingWords.contains(word) {
                    blocked = true
                    if !counted { wished = false }
                } else if !counted, wishWords.contains(word) {
                    wished = true
                }
                if let size = squareOf, lengthUnits.contains(word) { area = area || size >= minimumArea }
                squareOf = nil
                if let count = number {
                    if bedroomUnits.contains(word) { bedrooms = bedrooms || count <= maximumRooms }
                    if bathroomUnits.contains(word) { bathrooms = bathrooms || count <= maximumRooms }
                    if areaUnits.contains(word) { area = area || count >= minimumArea }
                    if squareWords.contains(word) { squareOf = count }
                }
                number = countWords[word]
                if number != nil { counted = true }
            }
        }
        return bedrooms && bathrooms && area && (!blocked || wished)
    }

    private static let requirements = InquiryKeywords.Requirements(ProjectTypeVocabulary.describedHomeRequirements)

    /// More rooms than this is a count of something else (a "2026 bath" is a year).
    private static let maximumRooms = 12
    /// Square feet under this are a room, a deck or a shed, not a home.
    private static let minimumArea = 500

    private static let bedroomUnits: Set<String> = ["bed", "beds", "bedroom", "bedrooms", "br", "bd", "bdr", "bdrm", "bdrms", "bedrm"]
    private static let bathroomUnits: Set<String> = ["bath", "baths", "bathroom", "bathrooms", "ba"]
    /// A unit of area in one word (`3,200 sqft`, `3200sf`).
    private static let areaUnits: Set<String> = ["sqft", "sf", "sqf"]
    /// The first word of a unit of area in two (`sq ft`, `square feet`).
    private static let squareWords: Set<String> = ["sq", "square"]
    private static let lengthUnits: Set<String> = ["ft", "feet", "foot", "f"]
    /// Counts written as words (`three bedrooms, two baths`).
    private static let countWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    ]
    /// Words of a home wished for: before the first count, they say the line describes it.
    private static let wishWords: Set<String> = [
        "want", "wants", "wanting", "like", "looking", "need", "needs", "wish", "dream", "dreaming", "build", "building",
        "planning", "hoping", "envision", "envisioning", "thinking",
    ]
    /// Words that make the home one they have, live in, sell or rent.
    private static let blockingWords: Set<String> = [
        "have", "has", "had", "own", "owns", "owned", "live", "lives", "lived", "current", "currently", "existing",
        "sell", "selling", "sold", "bought", "purchased", "rent", "renting", "rental", "listing", "listed",
    ]

    /// A line's numbers (`3,200` and `3.5` read as 3200 and 3) and lowercased ASCII words;
    /// a word with a byte above ASCII is no unit and ends the wait for one.
    private enum Token {
        case number(Int)
        case word(String)
    }

    private struct Tokens: Sequence, IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func next() -> Token? {
            while index < bytes.count, !Self.isWordByte(bytes[index]), !Self.isDigit(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            if Self.isDigit(bytes[index]) { return .number(readNumber()) }
            let start = index
            while index < bytes.count, Self.isWordByte(bytes[index]) { index += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
            guard word.allSatisfy({ $0 < 0x80 }) else { return .word("") }
            return .word(String(decoding: word.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
        }

        /// Digits, with `,` between groups of them (`3,200`) and a fraction after `.` dropped.
        private mutating func readNumber() -> Int {
            var value = 0
            var inFraction = false
            while index < bytes.count {
                let byte = bytes[index]
                if Self.isDigit(byte) {
                    if !inFraction { value = Swift.min(value * 10 + Int(byte - 0x30), 1_000_000) }
                } else if (byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")), index + 1 < bytes.count,
                          Self.isDigit(bytes[index + 1]), !inFraction {
                    inFraction = byte == UInt8(ascii: ".")
                } else {
                    break
                }
                index += 1
            }
            return value
        }

        private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        private static func isWordByte(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
        }
    }
}
