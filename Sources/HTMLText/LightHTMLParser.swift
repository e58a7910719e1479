#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte parser for the common, tidy HTML of notification emails that builds exactly the
/// tree libxml2 2.9.14's HTML parser builds (with ``LibXML``'s options), or gives up.
///
/// It models, from HTMLparser.c and SAX2.c: the implied `html`, `head` and `body` elements
/// (`htmlCheckImplied`), start tags closing open elements (`htmlAutoClose` with the
/// `htmlStartClose` table), end tags closing inner elements or being ignored
/// (`htmlAutoCloseOnClose` with `htmlEndPriority`), whitespace (kept as text wherever there
/// is an element to hold it, since the parser keeps blanks), entity and character references, the three attribute quoting forms, boolean
/// attributes, self-closing tags, void elements, comments, and `style`/`script` raw text
/// (one CDATA node).
///
/// Outlook's `<o:p>` and prefixed attribute names (`xmlns:o`) are modelled too (see
/// ``LightHTMLNames``).
///
/// Anything outside that returns nil, meaning "ask libxml2": unknown tag names (including
/// other prefixed ones like `v:shape`), text that would imply a paragraph, content after `</body>`,
/// misplaced `html`/`head`/`body` tags, unknown named references, duplicate attributes,
/// malformed tags, processing instructions, `<!` constructs other than comments and a
/// leading doctype, control characters, invalid UTF-8, nesting deeper than 200 elements and
/// inputs over 4 MB. Tests compare its trees with libxml2's on every fixture and on
/// thousands of generated documents.
///
/// Linear: every byte is looked at a bounded number of times; the element stack is heap
/// memory and bounded by the depth limit.
struct LightHTMLParser: ~Copyable {
    /// Inputs larger than this go to libxml2 (its text-node limits are far above).
    static let maxInputBytes = 4 * 1024 * 1024
    /// libxml2 stops at depth 256; stay well clear.
    static let maxDepth = 200
    /// `HTML_PARSER_BIG_BUFFER_SIZE`: libxml2 hands text over in chunks of this many bytes.
    private static let chunkSize = 1000

    private let input: UnsafeBufferPointer<UInt8>
    private var position = 0
    // The tree under construction, in buffers with no per-append uniqueness checks; copied
    // into the tree's arrays at the end.
    private var nodes: GrowableBuffer<LightHTMLTree.Node>
    private var attributes: GrowableBuffer<LightHTMLTree.Attribute>
    private var bytes: GrowableBuffer<UInt8>
    private var elementCount = 0
    /// ``LightHTMLNames`` tables read for every tag, held here so each read is a plain
    /// array access (a static array costs a `swift_once` check per access).
    private let closedByStartOf = LightHTMLNames.closedByStartOf
    private let endPriority = LightHTMLNames.endPriority
    private let nameBytes = LightHTMLNames.nameBytes
    private let nameStarts = LightHTMLNames.nameStarts
    /// Open elements, innermost last: node index and name id.
    private var stack: GrowableBuffer<(node: Int32, name: UInt8)>
    /// libxml2's `ctxt->html`: 3 once a `head` was pushed, 10 once a `body` was.
    private var level = 1
    private var sawHead = false
    private var sawBody = false
    /// `</body>` or `</html>` closed the document's main part: anything but whitespace and
    /// comments after it is left to libxml2.
    private var closedMain = false

    /// Signals "leave this input to libxml2"; records where, for measurements.
    private struct Unsupported: Error {
        let function: StaticString
        let line: UInt

        init(function: StaticString = #function, line: UInt = #line) {
            self.function = function
            self.line = line
        }
    }

    private init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        nodes = GrowableBuffer(capacity: input.count / 16)
        attributes = GrowableBuffer(capacity: input.count / 32)
        // The input comes first, so attribute names and values can point into it; text
        // copies (each with its NUL) rarely need more than the input's size again.
        bytes = GrowableBuffer(capacity: 2 * input.count + 64)
        bytes.append(contentsOf: input)
        nodes.append(LightHTMLTree.Node(kind: .document, name: 0, parent: -1, start: 0, count: 0))
        // Mail templates nest tables a dozen or two deep: one allocation instead of a
        // doubling from empty for every document.
        stack = GrowableBuffer(capacity: 32)
    }

    /// The tree libxml2 would build for `input`, or nil when the input leaves the modelled subset.
    static func parse(_ input: UnsafeBufferPointer<UInt8>) -> LightHTMLTree? {
        guard !input.isEmpty, input.count <= maxInputBytes, !startsWithByteOrderMark(input), isPlainUTF8(input) else {
            return nil
        }
        var parser = LightHTMLParser(input: input)
        do {
            try parser.parseDocument()
        } catch {
            return nil
        }
        guard parser.elementCount > 0 else { return nil }
        return LightHTMLTree(
            nodes: parser.nodes.array(), attributes: parser.attributes.array(), bytes: parser.bytes.array(),
            sourceCount: input.count, elementCount: parser.elementCount)
    }

    /// libxml2 sniffs a byte order mark before parsing; leave that to it.
    private static func startsWithByteOrderMark(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
    }

    /// Why the light parser leaves `input` to libxml2 (the parser function and source line
    /// that gave up, and the input around that point), or nil when it accepts it. For
    /// measurements and tests.
    static func declineReason(_ input: UnsafeBufferPointer<UInt8>) -> String? {
        if input.isEmpty { return "empty" }
        if input.count > maxInputBytes { return "too large" }
        if startsWithByteOrderMark(input) { return "byte order mark" }
        if !isPlainUTF8(input) { return "control character or invalid UTF-8" }
        var parser = LightHTMLParser(input: input)
        do {
            try parser.parseDocument()
        } catch let error as Unsupported {
            let start = max(0, parser.position - 30)
            let end = min(input.count, parser.position + 30)
            let context = String(decoding: input[start..<end], as: UTF8.self)
            return "\(error.function):\(error.line) near \(context.debugDescription)"
        } catch {
            return "\(error)"
        }
        return parser.elementCount > 0 ? nil : "no element"
    }

    /// Valid UTF-8 with no NUL or control character other than tab, newline and carriage
    /// return, and no U+FFFE/U+FFFF: the characters libxml2 copies through unchanged.
    static func isPlainUTF8(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = input.baseAddress else { return true }
        var index = 0
        let count = input.count
        let lastWordStart = count - 8
        while index < count {
            // Eight ASCII bytes at a time, in a loop of its own up to the first word with a
            // byte over 0x7F (checked below, a byte or sequence at a time).
            while index <= lastWordStart {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                // Flags every word with a byte < 0x20 (a borrow can also flag a 0x20 next to
                // one: harmless, the exact test decides).
                if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0,
                    Self.holdsOtherControlThanTabOrNewline(asciiWord: word) {
                    return false
                }
                index += 8
            }
            guard index < count else { break }
            let byte = input[index]
            if byte < 0x80 {
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                index += 1
                continue
            }
            guard let (length, secondRange) = UTF8LeadByte.shape(of: byte), index + length <= count else { return false }
            let second = input[index + 1]
            guard secondRange.contains(second) else { return false }
            for offset in 2..<max(2, length) where input[index + offset] & 0xC0 != 0x80 { return false }
            // U+FFFE and U+FFFF are not XML characters: libxml2 drops them.
            if byte == 0xEF, second == 0xBF, input[index + 2] >= 0xBE { return false }
            index += length
        }
        return true
    }

    /// Whether a word of eight ASCII bytes holds a byte below 0x20 other than tab, line feed
    /// and carriage return, decided without a byte loop: markup breaks lines every few dozen
    /// bytes, so many words hold a line feed. Each test is exact per byte (no carry or borrow
    /// crosses bytes).
    @inline(__always)
    private static func holdsOtherControlThanTabOrNewline(asciiWord word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let sevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // High bit of each byte below 0x20: adding 0x60 to an ASCII byte reaches 0x80 from 0x20 up.
        let control = ~(word &+ ones &* 0x60) & ~sevenBits
        /// High bit of each byte equal to `value`.
        @inline(__always) func equal(_ value: UInt8) -> UInt64 {
            let difference = word ^ (ones &* UInt64(value))
            return ~((difference &+ sevenBits) | difference) & ~sevenBits
        }
        return control & ~(equal(0x09) | equal(0x0A) | equal(0x0D)) != 0
    }

    // MARK: - Document structure

    // The steps run for every tag, text run and attribute (parseStartTag, parseEndTag,
    // parseText, parseAttributes, ...) each have one caller and are inlined into it: on
    // template markup a call's set-up costs a good part of their work.
    private mutating func parseDocument() throws {
        skipBlanks()
        try parseLeadingComments()
        if startsWithIgnoringCase("<!doctype") {
            try skipDoctype()
            skipBlanks()
            try parseLeadingComments()
        }
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "<") {
                let next = peek(1)
                if next == UInt8(ascii: "/") {
                    try parseEndTag()
                } else if isLetter(next) {
                    try parseStartTag()
                } else if next == UInt8(ascii: "!"), peek(2) == UInt8(ascii: "-"), peek(3) == UInt8(ascii: "-") {
                    try parseComment()
                } else {
                    throw Unsupported()
                }
            } else if byte == UInt8(ascii: "&") {
                try parseReference()
            } else {
                try parseText()
            }
        }
    }

    /// Comments before the doctype and before the first tag (libxml2 adds them to the document).
    private mutating func parseLeadingComments() throws {
        while startsWith("<!--") {
            try parseComment()
            skipBlanks()
        }
        if peek(0) == UInt8(ascii: "<"), peek(1) == UInt8(ascii: "?") { throw Unsupported() }
    }

    /// `<!DOCTYPE name [PUBLIC "id" ["uri"] | SYSTEM "uri"]>`; libxml2 keeps it as a DTD node,
    /// which no walk here looks at. Anything irregular goes to libxml2.
    private mutating func skipDoctype() throws {
        position += 9
        skipBlanks()
        guard isNameStart(peek(0)) else { throw Unsupported() }
        while isNameCharacter(peek(0)) { position += 1 }
        skipBlanks()
        if startsWithIgnoringCase("public") {
            position += 6
            try skipLiteral()
            skipBlanks()
            if peek(0) == UInt8(ascii: "\"") || peek(0) == UInt8(ascii: "'") { try skipLiteral() }
        } else if startsWithIgnoringCase("system") {
            position += 6
            try skipLiteral()
        }
        skipBlanks()
        guard peek(0) == UInt8(ascii: ">") else { throw Unsupported() }
        position += 1
    }

    private mutating func skipLiteral() throws {
        skipBlanks()
        let quote = peek(0)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw Unsupported() }
        position += 1
        while position < input.count, input[position] != quote {
            if input[position] == UInt8(ascii: ">") { throw Unsupported() }
            position += 1
        }
        guard position < input.count else { throw Unsupported() }
        position += 1
    }

    // MARK: - Tags

    @inline(__always)
    private mutating func parseStartTag() throws {
        guard !closedMain else { throw Unsupported() }
        position += 1
        let name = try parseTagName()
        // htmlAutoClose: the new tag closes open elements that may not contain it.
        let closes = closedByStartOf[Int(name)]
        while let top = stack.last, closes & (1 << UInt64(top.name)) != 0 { pop() }
        try addImpliedElements(for: name)
        // libxml2 discards these misplaced tags (and counts them for later end tags).
        if name == LightHTMLNames.html, !stack.isEmpty { throw Unsupported() }
        if name == LightHTMLNames.head, stack.count != 1 || sawHead { throw Unsupported() }
        if name == LightHTMLNames.body, sawBody || stack.contains(where: { $0.name == LightHTMLNames.body }) {
            throw Unsupported()
        }
        guard stack.count < Self.maxDepth else { throw Unsupported() }

        let element = appendElement(name)
        try parseAttributes(of: element)
        let selfClosing: Bool
        if peek(0) == UInt8(ascii: ">") {
            position += 1
            selfClosing = false
        } else if peek(0) == UInt8(ascii: "/"), peek(1) == UInt8(ascii: ">") {
            position += 2
            selfClosing = true
        } else {
            throw Unsupported()
        }
        if selfClosing || LightHTMLNames.voidMask & (1 << UInt64(name)) != 0 { return }
        push(element, name)
        if LightHTMLNames.rawTextMask & (1 << UInt64(name)) != 0 { try parseRawText(of: name) }
    }

    /// `htmlCheckImplied`: the `html`, `head` and `body` elements libxml2 adds before a tag.
    @inline(__always)
    private mutating func addImpliedElements(for name: UInt8) throws {
        if name == LightHTMLNames.html { return }
        if stack.isEmpty {
            if nodes.count > 1, elementCount > 0 { throw Unsupported() }  // a second html
            push(appendElement(LightHTMLNames.html), LightHTMLNames.html)
        }
        if name == LightHTMLNames.body || name == LightHTMLNames.head { return }
        if stack.count <= 1, LightHTMLNames.headContentMask & (1 << UInt64(name)) != 0 {
            if level >= 3 { return }
            push(appendElement(LightHTMLNames.head), LightHTMLNames.head)
        } else {
            if level >= 10 { return }
            if stack.contains(where: { $0.name == LightHTMLNames.body || $0.name == LightHTMLNames.head }) { return }
            push(appendElement(LightHTMLNames.body), LightHTMLNames.body)
        }
    }

    /// A tag name of ASCII letters and digits, lower-cased, that ends the way libxml2's name
    /// reader would end it (blank, `>` or `/`); returns its id.
    private mutating func parseTagName() throws -> UInt8 {
        let start = position
        let count = input.count
        var index = position
        while index < count {
            let byte = input[index]
            guard (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 else { break }
            index += 1
        }
        position = index
        let length = index - start
        // The name's first 8 bytes, lower-cased (`| 0x20` leaves digits as they are), packed
        // little-endian: one load when 8 bytes are there to read.
        var key: UInt64 = 0
        if length > 0, length <= 8 {
            if let base = input.baseAddress, start + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
                let mask: UInt64 = length == 8 ? ~0 : (1 << (8 * UInt64(length))) - 1
                key = (word | 0x2020_2020_2020_2020) & mask
            } else {
                for offset in 0..<length { key |= UInt64(input[start + offset] | 0x20) << (8 * UInt64(offset)) }
            }
        }
        if length == 1, key == UInt64(UInt8(ascii: "o")), peek(0) == UInt8(ascii: ":"), peek(1) | 0x20 == UInt8(ascii: "p") {
            // Outlook's `<o:p>`, the one prefixed name modelled (see LightHTMLNames).
            position += 2
            guard isTagNameEnd(peek(0)) else { throw Unsupported() }
            return LightHTMLNames.outlookParagraph
        }
        guard isTagNameEnd(peek(0)) else { throw Unsupported() }
        if length <= 8, let id = LightHTMLNames.id(packed: key, length: length) { return id }
        if length == 10, matchesIgnoringCase(at: start, Self.blockquote[...]) { return LightHTMLNames.blockquote }
        throw Unsupported()
    }

    private static let blockquote = Array("blockquote".utf8)

    /// Where libxml2's tag name reader stops and the light parser follows: blank, `>`, `/`.
    private func isTagNameEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    /// An end tag name, or nil for a well-formed name this parser never opens (libxml2
    /// ignores an end tag that matches no open element).
    private mutating func parseEndTagName() throws -> UInt8? {
        let start = position
        do {
            return try parseTagName()
        } catch {
            // Unknown but plain names are harmless: they cannot be open.
            position = start
            while position < input.count, isASCIIAlphanumeric(input[position]) { position += 1 }
            let end = peek(0)
            guard position > start, end == UInt8(ascii: " ") || end == UInt8(ascii: "\t")
                || end == UInt8(ascii: "\n") || end == UInt8(ascii: ">") else { throw Unsupported() }
            return nil
        }
    }

    @inline(__always)
    private mutating func parseEndTag() throws {
        position += 2
        if closesInnermostElement() { return }
        guard isLetter(peek(0)) else { throw Unsupported() }
        let name = try parseEndTagName()
        skipBlanks(allowingCarriageReturn: false)
        guard peek(0) == UInt8(ascii: ">") else { throw Unsupported() }
        position += 1
        guard let name, let index = stack.lastIndex(where: { $0.name == name }) else { return }
        // htmlAutoCloseOnClose: a misplaced end tag may only close elements of lower or
        // equal priority; otherwise libxml2 ignores it.
        let priority = endPriority[Int(name)]
        for inner in (index + 1)..<stack.count where endPriority[Int(stack[inner].name)] > priority { return }
        while stack.count > index { pop() }
        if name == LightHTMLNames.body || name == LightHTMLNames.html { closedMain = true }
    }

    /// The end tag at `position` (after `</`) when it is the innermost open element's
    /// name, in any ASCII case, right before `>`: closes that element as the rest of
    /// ``parseEndTag()`` would (that name reads as that element's id, which is the last one
    /// open, and no inner element can outrank it), without reading the name and looking it
    /// up. Template markup mostly closes the element it opened last.
    @inline(__always)
    private mutating func closesInnermostElement() -> Bool {
        guard let top = stack.last else { return false }
        let start = nameStarts[Int(top.name)]
        let length = nameStarts[Int(top.name) + 1] - start
        let close = position + length
        guard close < input.count, input[close] == UInt8(ascii: ">") else { return false }
        for offset in 0..<length {
            var byte = input[position + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            if byte != nameBytes[start + offset] { return false }
        }
        position = close + 1
        pop()
        if top.name == LightHTMLNames.body || top.name == LightHTMLNames.html { closedMain = true }
        return true
    }

    /// Attributes up to (not including) `>` or `/>`.
    ///
    /// Names and values are ranges of `bytes`: into its copy of the input when they read
    /// the same there (a lower-case name, a value without references), copied otherwise.
    @inline(__always)
    private mutating func parseAttributes(of element: Int32) throws {
        let first = attributes.count
        var flags: UInt8 = 0
        while true {
            skipBlanks(allowingCarriageReturn: false)
            let byte = peek(0)
            if byte == UInt8(ascii: ">") || (byte == UInt8(ascii: "/") && peek(1) == UInt8(ascii: ">")) { break }
            guard isLetter(byte) else { throw Unsupported() }
            let name = try parseAttributeName()
            // libxml2 drops repeated attributes; its check, like ours, is quadratic: bound it.
            guard attributes.count - first < 64 else { throw Unsupported() }
            try rejectDuplicate(name, since: first)
            skipBlanks(allowingCarriageReturn: false)
            var value = (start: 0, count: 0)
            if peek(0) == UInt8(ascii: "=") {
                position += 1
                skipBlanks(allowingCarriageReturn: false)
                value = try parseAttributeValue()
            } else if isBooleanAttribute(name) {
                value = name
            }
            attributes.append(LightHTMLTree.Attribute(
                nameStart: Int32(name.start), nameLength: Int32(name.count),
                valueStart: Int32(value.start), valueLength: Int32(value.count)))
            // Only `hidden` and `style` can hide: names of other lengths are not compared.
            if name.count == 6 || name.count == 5 { flags |= hidingFlag(name) }
        }
        nodes[Int(element)].start = Int32(first)
        nodes[Int(element)].count = Int32(attributes.count - first)
        // New elements start with no flags; most have neither attribute.
        if flags != 0 { nodes[Int(element)].attributeFlags = flags }
    }

    /// The ``LightHTMLTree/Node/attributeFlags`` bit for an attribute called `hidden` or
    /// `style` (names in `bytes` are lower-case), else 0.
    ///
    /// Inlined: called on its own, the parser (a noncopyable struct of some 150 bytes) is
    /// copied to the stack for every attribute name of 5 or 6 bytes.
    @inline(__always)
    private func hidingFlag(_ name: (start: Int, count: Int)) -> UInt8 {
        // A lower-case name is a range of the input (which `bytes` starts with): read it
        // there, without going through the array.
        if name.start + name.count <= input.count, let base = input.baseAddress {
            return Self.hidingFlag(UnsafeRawPointer(base + name.start), count: name.count)
        }
        guard name.start >= 0, name.start + name.count <= bytes.count else { return 0 }
        return Self.hidingFlag(UnsafeRawPointer(bytes.base + name.start), count: name.count)
    }

    /// Two loads instead of a byte loop: this runs for every attribute name of 5 or 6 bytes.
    @inline(__always)
    private static func hidingFlag(_ raw: UnsafeRawPointer, count: Int) -> UInt8 {
        let head = UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))
        if count == 5 {
            return head == styleHead && raw.load(fromByteOffset: 4, as: UInt8.self) == UInt8(ascii: "e")
                ? LightHTMLTree.Node.hasStyle : 0
        }
        return head == hiddenHead && UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt16.self)) == hiddenTail
            ? LightHTMLTree.Node.hasHiddenAttribute : 0
    }

    /// `styl`, `hidd` and `en` as little-endian words (attribute names in `bytes` are
    /// lower-case; LightHTMLHiddenTests checks these against the names).
    static let styleHead: UInt32 = 0x6C79_7473
    static let hiddenHead: UInt32 = 0x6464_6968
    static let hiddenTail: UInt16 = 0x6E65

    /// A name of ASCII letters, digits, `-`, `_`, `:` and `.` after a first letter, as
    /// libxml2 stores it (lower-cased; HTML mode keeps prefixed names like Outlook's
    /// `xmlns:o` or `o:spid` whole, as plain attributes without namespace); returns its range
    /// in `bytes`.
    @inline(__always)
    private mutating func parseAttributeName() throws -> (start: Int, count: Int) {
        let start = position
        let end = input.count
        var index = position
        var hasUpperCase = false
        while index < end {
            let character = input[index]
            let isLetter = (character | 0x20) &- UInt8(ascii: "a") < 26
            guard isLetter || character &- UInt8(ascii: "0") < 10 || character == UInt8(ascii: "-")
                || character == UInt8(ascii: "_") || character == UInt8(ascii: ":") || character == UInt8(ascii: ".")
            else { break }
            if isLetter && character < UInt8(ascii: "a") { hasUpperCase = true }
            index += 1
        }
        position = index
        let count = index - start
        // libxml2 cuts names at 100 bytes.
        guard count < 100 else { throw Unsupported() }
        let after = peek(0)
        guard after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") || after == UInt8(ascii: "\n")
            || after == UInt8(ascii: "=") || after == UInt8(ascii: ">") || after == UInt8(ascii: "/")
        else { throw Unsupported() }
        // The input copy starts `bytes`: a lower-case name is already there.
        guard hasUpperCase else { return (start, count) }
        let copy = bytes.count
        for index in start..<position {
            let character = input[index]
            bytes.append(character >= UInt8(ascii: "A") && character <= UInt8(ascii: "Z") ? character | 0x20 : character)
        }
        return (copy, count)
    }

    private func rejectDuplicate(_ name: (start: Int, count: Int), since first: Int) throws {
        for index in first..<attributes.count where Int(attributes[index].nameLength) == name.count {
            let other = Int(attributes[index].nameStart)
            if memcmp(bytes.base + other, bytes.base + name.start, name.count) == 0 {
                throw Unsupported()
            }
        }
    }

    private func isBooleanAttribute(_ name: (start: Int, count: Int)) -> Bool {
        LightHTMLNames.isBooleanAttribute(bytes.buffer(name.start..<(name.start + name.count)))
    }

    /// A quoted or unquoted value with references decoded; returns its range in `bytes`
    /// (in the input copy when it has no reference).
    @inline(__always)
    private mutating func parseAttributeValue() throws -> (start: Int, count: Int) {
        let quote = peek(0)
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let contentStart = position + 1
            // Values are often long (styles, links): memchr finds the quote, then whether
            // the value holds a reference, faster than a byte loop.
            guard let base = input.baseAddress,
                let close = memchr(base + contentStart, Int32(quote), input.count - contentStart)
            else { throw Unsupported() }
            let closeIndex = UnsafePointer<UInt8>(close.assumingMemoryBound(to: UInt8.self)) - base
            if let ampersand = memchr(base + contentStart, Int32(UInt8(ascii: "&")), closeIndex - contentStart) {
                position = UnsafePointer<UInt8>(ampersand.assumingMemoryBound(to: UInt8.self)) - base
            } else {
                position = closeIndex
            }
            if input[position] == quote {
                position += 1
                return (contentStart, position - 1 - contentStart)
            }
            // A reference: build the decoded value after everything else in `bytes`.
            let valueStart = bytes.count
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[contentStart..<position]))
            while position < input.count, input[position] != quote {
                // Copy the run up to the next reference or the closing quote in one piece.
                let runStart = position
                while position < input.count, input[position] != quote, input[position] != UInt8(ascii: "&") {
                    position += 1
                }
                if position > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<position])) }
                if position < input.count, input[position] == UInt8(ascii: "&") { try decodeReference() }
            }
            guard position < input.count else { throw Unsupported() }
            position += 1
            return (valueStart, bytes.count - valueStart)
        }
        let contentStart = position
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\n") { return (contentStart, position - contentStart) }
            if byte == 0x0D { throw Unsupported() }
            if byte == UInt8(ascii: "&") { break }
            position += 1
        }
        guard position < input.count else { return (contentStart, position - contentStart) }
        let valueStart = bytes.count
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[contentStart..<position]))
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\n") { break }
            if byte == 0x0D { throw Unsupported() }
            try copyAttributeCharacter()
        }
        return (valueStart, bytes.count - valueStart)
    }

    private mutating func copyAttributeCharacter() throws {
        let byte = input[position]
        if byte == UInt8(ascii: "&") {
            try decodeReference()
        } else {
            bytes.append(byte)
            position += 1
        }
    }

    // MARK: - Content

    /// `style`/`script` content: raw up to `</name`, as one CDATA node.
    private mutating func parseRawText(of name: UInt8) throws {
        let tag = LightHTMLNames.cNames[Int(name)].dropLast()
        let start = position
        var end = -1
        var index = position
        while index + 1 < input.count {
            if input[index] == UInt8(ascii: "<"), input[index + 1] == UInt8(ascii: "/") {
                // libxml2 treats other end tags inside raw text in ways not worth modelling.
                guard matchesIgnoringCase(at: index + 2, tag) else { throw Unsupported() }
                end = index
                break
            }
            index += 1
        }
        guard end >= 0 else { throw Unsupported() }
        // libxml2 hands the content over in 1000-byte chunks that end up in one CDATA node.
        if end > start { appendContentNode(.cdata, UnsafeBufferPointer(rebasing: input[start..<end])) }
        position = end + 2 + tag.count
        skipBlanks(allowingCarriageReturn: false)
        guard peek(0) == UInt8(ascii: ">") else { throw Unsupported() }
        position += 1
        pop()
    }

    /// `<!-- ... -->`: a comment node under the current element (or the document).
    private mutating func parseComment() throws {
        let contentStart = position + 4
        var index = contentStart
        var end = -1
        while index + 2 < input.count {
            if input[index] == UInt8(ascii: "-"), input[index + 1] == UInt8(ascii: "-") {
                // `--` inside a comment (`--!>`, `--->`) is handled differently across versions.
                guard input[index + 2] == UInt8(ascii: ">") else { throw Unsupported() }
                end = index
                break
            }
            index += 1
        }
        guard end >= 0 else { throw Unsupported() }
        let content = input[contentStart..<end]
        if content.first == UInt8(ascii: ">") || content.first == UInt8(ascii: "-") { throw Unsupported() }
        appendContentNode(.comment, UnsafeBufferPointer(rebasing: content))
        position = end + 3
    }

    /// Character data up to the next `<` or `&`.
    @inline(__always)
    private mutating func parseText() throws {
        let start = position
        let count = input.count
        var index = position
        var blank = true
        if let base = input.baseAddress {
            // Eight bytes at a time up to the word holding the first `<` or `&` (the byte
            // loop below finds it); text between template tags is often long runs of blanks.
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let angle = word ^ (ones &* UInt64(UInt8(ascii: "<")))
                let ampersand = word ^ (ones &* UInt64(UInt8(ascii: "&")))
                // A zero byte in either: exact as a yes/no (a borrow only flags bytes above a zero).
                if ((angle &- ones) & ~angle | (ampersand &- ones) & ~ampersand) & highs != 0 { break }
                // Above space means not blank: ASCII bytes over 0x20 carry into the high bit
                // when 0x5F is added (no carry crosses bytes), other bytes have it set already.
                if blank, (((word & ~highs) &+ (ones &* 0x5F)) | word) & highs != 0 { blank = false }
                index += 8
            }
        }
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
            // isPlainUTF8 let no other control byte through: above space means not blank.
            if byte > 0x20 { blank = false }
            index += 1
        }
        position = index
        let run = UnsafeBufferPointer(rebasing: input[start..<position])
        guard let top = stack.last else {
            // No element to hold it: libxml2 drops blanks (and implies a paragraph for text).
            guard blank, peek(0) != UInt8(ascii: "&") else { throw Unsupported() }
            return
        }
        if top.name == LightHTMLNames.html || top.name == LightHTMLNames.head {
            // Blanks followed by a tag stay as text here; anything else implies a `<p>`.
            guard blank, peek(0) != UInt8(ascii: "&"), run.count < Self.chunkSize else { throw Unsupported() }
        } else if closedMain {
            throw Unsupported()
        }
        appendText(run)
    }

    /// `&...` in content: decoded into the current text.
    private mutating func parseReference() throws {
        guard let top = stack.last, top.name != LightHTMLNames.html, top.name != LightHTMLNames.head,
            !closedMain else { throw Unsupported() }
        let parent = top.node
        let last = nodes[Int(parent)].lastChild
        if last >= 0, nodes[Int(last)].kind == .text {
            // As in appendText: nothing was written to `bytes` since that node's NUL.
            bytes.removeLast()
            let start = bytes.count
            try decodeReference()
            nodes[Int(last)].count += Int32(bytes.count - start)
            bytes.append(0)
            return
        }
        let start = bytes.count
        try decodeReference()
        let count = bytes.count - start
        bytes.append(0)
        _ = appendNode(LightHTMLTree.Node(
            kind: .text, name: 0, parent: parent, start: Int32(start), count: Int32(count)))
    }

    /// Decodes the reference at `position` (which holds `&`) and appends it to `bytes`,
    /// exactly as libxml2's `htmlParseReference`/`htmlParseHTMLAttribute` would produce it.
    private mutating func decodeReference() throws {
        if peek(1) == UInt8(ascii: "#") {
            position += 2
            var value: UInt32 = 0
            var digits = 0
            if peek(0) == UInt8(ascii: "x") || peek(0) == UInt8(ascii: "X") {
                position += 1
                while let digit = Self.hexValue(peek(0)) {
                    value = value &* 16 &+ digit
                    digits += 1
                    position += 1
                    if digits > 6 { throw Unsupported() }
                }
            } else {
                while peek(0) >= UInt8(ascii: "0"), peek(0) <= UInt8(ascii: "9") {
                    value = value &* 10 &+ UInt32(peek(0) - UInt8(ascii: "0"))
                    digits += 1
                    position += 1
                    if digits > 7 { throw Unsupported() }
                }
            }
            guard digits > 0, peek(0) == UInt8(ascii: ";"), Self.isOrdinaryCharacter(value) else { throw Unsupported() }
            position += 1
            appendUTF8(value)
            return
        }
        position += 1
        let nameStart = position
        if isNameStart(peek(0)) {
            position += 1
            while isNameCharacter(peek(0)) { position += 1 }
        }
        let name = UnsafeBufferPointer(rebasing: input[nameStart..<position])
        if name.isEmpty {
            bytes.append(UInt8(ascii: "&"))
            return
        }
        // libxml2 reads a name followed by a non-ASCII byte (or the end) with its Unicode
        // name reader, which may take more.
        guard position < input.count, input[position] < 0x80 else { throw Unsupported() }
        if input[position] == UInt8(ascii: ";") {
            // Known to libxml2 or not, only names in our table are safe to decode.
            guard let value = LightHTMLNames.entityValue(name) else { throw Unsupported() }
            position += 1
            appendUTF8(value)
        } else {
            // No semicolon: libxml2 keeps `&name` as written.
            bytes.append(UInt8(ascii: "&"))
            bytes.append(contentsOf: name)
        }
    }

    /// XML characters except carriage return and U+007F...U+009F (kept out to stay on the
    /// well-trodden path).
    private static func isOrdinaryCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A: true
        // Not U+007F...U+009F: control characters, and the range some parsers remap.
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case ..<0x80:
            bytes.append(UInt8(value))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    // MARK: - Building

    private var currentParent: Int32 { stack.last?.node ?? 0 }

    // Inlined, like the small steps below that run for every node or tag: a call's set-up
    // was a third of the work.
    @inline(__always)
    private mutating func appendNode(_ node: LightHTMLTree.Node) -> Int32 {
        let index = Int32(nodes.count)
        let parent = Int(node.parent)
        nodes.append(node)
        let previous = nodes[parent].lastChild
        if previous >= 0 { nodes[Int(previous)].nextSibling = index } else { nodes[parent].firstChild = index }
        nodes[parent].lastChild = index
        return index
    }

    @inline(__always)
    private mutating func appendElement(_ name: UInt8) -> Int32 {
        elementCount += 1
        return appendNode(LightHTMLTree.Node(
            kind: .element, name: name, parent: currentParent, start: Int32(attributes.count), count: 0))
    }

    private mutating func appendContentNode(_ kind: LightHTMLTree.Kind, _ content: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: content)
        bytes.append(0)
        _ = appendNode(LightHTMLTree.Node(
            kind: kind, name: 0, parent: currentParent, start: Int32(start), count: Int32(content.count)))
    }

    /// Adds text to the current element, merging with a text node right before it (libxml2
    /// coalesces adjacent character data into one node).
    @inline(__always)
    private mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        if text.isEmpty { return }
        let parent = currentParent
        let last = nodes[Int(parent)].lastChild
        if last >= 0, nodes[Int(last)].kind == .text {
            // Nothing was written to `bytes` since that node: it ends with its NUL.
            bytes.removeLast()
            bytes.append(contentsOf: text)
            bytes.append(0)
            nodes[Int(last)].count += Int32(text.count)
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: text)
        bytes.append(0)
        _ = appendNode(LightHTMLTree.Node(
            kind: .text, name: 0, parent: parent, start: Int32(start), count: Int32(text.count)))
    }

    @inline(__always)
    private mutating func push(_ node: Int32, _ name: UInt8) {
        stack.append((node, name))
        if name == LightHTMLNames.head {
            sawHead = true
            level = max(level, 3)
        } else if name == LightHTMLNames.body {
            sawBody = true
            level = max(level, 10)
        }
    }

    private mutating func pop() {
        stack.removeLast()
    }

    // MARK: - Bytes

    private func peek(_ offset: Int) -> UInt8 {
        let index = position + offset
        return index < input.count ? input[index] : 0
    }

    private mutating func skipBlanks(allowingCarriageReturn: Bool = true) {
        let count = input.count
        var index = position
        while index < count {
            let byte = input[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || (allowingCarriageReturn && byte == 0x0D) else { break }
            index += 1
        }
        position = index
    }

    private func startsWith(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= input.count else { return false }
        for offset in 0..<count where input[position + offset] != literal.utf8Start[offset] { return false }
        return true
    }

    /// Compares with a lower-case literal ignoring ASCII case.
    private func startsWithIgnoringCase(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= input.count else { return false }
        for offset in 0..<count {
            var byte = input[position + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            if byte != literal.utf8Start[offset] { return false }
        }
        return true
    }

    private func matchesIgnoringCase(at index: Int, _ lowerCase: ArraySlice<UInt8>) -> Bool {
        guard index + lowerCase.count <= input.count else { return false }
        var offset = index
        for expected in lowerCase {
            var byte = input[offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            if byte != expected { return false }
            offset += 1
        }
        return true
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// `htmlParseName`'s fast path: `[A-Za-z_:][A-Za-z0-9_:.-]*`.
    private func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    private func isNameCharacter(_ byte: UInt8) -> Bool {
        isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}
