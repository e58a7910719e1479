internal import CLibXML2

/// HTML to plain text, XPath selection and `<meta>` reading over libxml2's HTML parser.
///
/// Built for lead extraction from email: the text keeps the line structure a reader sees
/// (block elements start lines, `<br>` breaks them, each table row is one line with its
/// cells separated by a space, list items one per line), so a label/value row
/// `<tr><td>Name:</td><td>Jane Doe</td></tr>` comes out as the line `Name: Jane Doe`.
///
/// Rendering rules, in short:
/// - `script`, `style`, `head`, `title`, `noscript`, `template` (and similar non-content
///   elements), comments, and elements hidden with `style="display:none"` or `hidden`
///   are dropped with everything inside them.
/// - Entities are decoded; `&nbsp;` is a space. Whitespace runs collapse to one space as in
///   a browser, except inside `<pre>`, which is kept as written.
/// - Paragraphs, headings, lists and `<pre>` are set off by one blank line (Outlook's
///   margin-less `MsoNormal` paragraphs are not); never more than one blank line in a row.
/// - Links keep their text only; images (and their alt text) are ignored.
/// - `\n` line endings, no trailing spaces, no leading or trailing blank lines, no final
///   newline. The same input always gives the same output.
///
/// Hostile input is bounded: libxml2 stops parsing at nesting depth 256 (the rest of the
/// document is dropped; ``Rendering/isTruncated`` says so), the tree walk is iterative, and
/// the output stops at a byte limit. Nothing here throws or traps on content.
/// The module does no I/O: libxml2 is told never to touch the network.
///
/// All functions are safe to call from any thread concurrently. Each parses its input;
/// to ask several things of the same markup, parse it once into an ``HTMLDocument``.
public enum HTMLText {
    /// The default cap on rendered text: 2 MiB of UTF-8.
    public static let defaultMaxOutputBytes = 2 * 1024 * 1024

    /// Renders HTML as plain text.
    ///
    /// ```swift
    /// HTMLText.render("<table><tr><td>Name:</td><td>Jane&nbsp;Doe</td></tr></table>")
    /// // "Name: Jane Doe"
    /// ```
    ///
    /// - Parameters:
    ///   - html: The markup (a fragment or a whole document; broken markup is repaired the
    ///     way libxml2's HTML parser repairs it).
    ///   - maxOutputBytes: Rendering stops once the text reaches this many UTF-8 bytes.
    /// - Returns: The text, possibly empty. Use ``rendering(_:maxOutputBytes:)`` to learn
    ///   whether it was cut short.
    public static func render(_ html: String, maxOutputBytes: Int = defaultMaxOutputBytes) -> String {
        rendering(utf8: html.utf8, maxOutputBytes: maxOutputBytes).text
    }

    /// Renders UTF-8 encoded HTML as plain text.
    ///
    /// Invalid UTF-8 does not stop rendering; the bad bytes come out as U+FFFD.
    ///
    /// - Parameters:
    ///   - bytes: The markup, UTF-8 encoded (any `<meta charset>` in it is ignored).
    ///   - maxOutputBytes: Rendering stops once the text reaches this many UTF-8 bytes.
    /// - Returns: The text, possibly empty.
    public static func render(
        utf8 bytes: some Collection<UInt8>,
        maxOutputBytes: Int = defaultMaxOutputBytes
    ) -> String {
        rendering(utf8: bytes, maxOutputBytes: maxOutputBytes).text
    }

    /// Renders HTML as plain text and reports whether the output limit cut it short.
    ///
    /// - Parameters:
    ///   - html: The markup.
    ///   - maxOutputBytes: Rendering stops once the text reaches this many UTF-8 bytes.
    /// - Returns: The text and whether it was truncated (worth recording as a defect).
    public static func rendering(_ html: String, maxOutputBytes: Int = defaultMaxOutputBytes) -> Rendering {
        rendering(utf8: html.utf8, maxOutputBytes: maxOutputBytes)
    }

    /// Renders UTF-8 encoded HTML as plain text and reports whether the output limit cut
    /// it short.
    ///
    /// - Parameters:
    ///   - bytes: The markup, UTF-8 encoded.
    ///   - maxOutputBytes: Rendering stops once the text reaches this many UTF-8 bytes.
    /// - Returns: The text and whether it was truncated.
    public static func rendering(
        utf8 bytes: some Collection<UInt8>,
        maxOutputBytes: Int = defaultMaxOutputBytes
    ) -> Rendering {
        HTMLDocument(utf8: bytes).rendering(maxOutputBytes: maxOutputBytes)
    }

    /// The result of ``rendering(_:maxOutputBytes:)``.
    public struct Rendering: Sendable, Hashable {
        /// The rendered text.
        public var text: String
        /// True when part of the document is missing from `text`: the output limit was
        /// reached, or libxml2 gave up on hostile markup (elements nested deeper than 256,
        /// a single text run over 10 MB) and dropped everything after that point.
        public var isTruncated: Bool

        /// Creates a rendering result.
        public init(text: String, isTruncated: Bool) {
            self.text = text
            self.isTruncated = isTruncated
        }
    }
}
