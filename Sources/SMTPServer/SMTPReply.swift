/// One SMTP reply: a code, an RFC 3463 enhanced status, and one or more text lines.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public let code: Int
    /// `class.subject.detail`, e.g. `2.0.0`; nil only for the greeting and EHLO lines.
    public let enhanced: String?
    public let lines: [String]

    public init(_ code: Int, _ enhanced: String?, _ lines: String...) {
        self.code = code
        self.enhanced = enhanced
        self.lines = lines
    }

    public init(_ code: Int, _ enhanced: String?, lines: [String]) {
        self.code = code
        self.enhanced = enhanced
        self.lines = lines.isEmpty ? [""] : lines
    }

    /// The wire form, `250-first\r\n250 last\r\n`.
    public var rendered: String {
        var out = ""
        for (index, line) in self.lines.enumerated() {
            let separator = index == self.lines.count - 1 ? " " : "-"
            let status = self.enhanced.map { "\($0) " } ?? ""
            out += "\(self.code)\(separator)\(status)\(line)\r\n"
        }
        return out
    }

    public var description: String {
        "\(self.code) \(self.enhanced.map { "\($0) " } ?? "")\(self.lines.joined(separator: " / "))"
    }
}
