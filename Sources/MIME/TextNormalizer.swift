/// Line-ending normalisation for decoded text.
enum TextNormalizer {
    /// Converts CRLF and lone CR to LF. Works on scalars because `"\r\n"` is one Character.
    static func normalizeNewlines(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var output = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                output.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            output.append(scalar)
        }
        return String(output)
    }
}
