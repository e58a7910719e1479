import Foundation

/// Comparable forms of names and places: lowercase ASCII letters only.
enum NameFolding {
    /// `"O'Brien-Núñez"` → `"obriennunez"`: diacritics removed, lowercase, letters only.
    static func letters(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var needsFolding = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if v >= 65 && v <= 90 {
                    result.unicodeScalars.append(Unicode.Scalar(v + 32)!)
                } else if v >= 97 && v <= 122 {
                    result.unicodeScalars.append(scalar)
                }
            } else {
                needsFolding = true
                break
            }
        }
        guard needsFolding else { return result }
        let folded = text.folding(options: .diacriticInsensitive, locale: nil).lowercased()
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { ($0.value >= 97 && $0.value <= 122) }))
    }

    /// Words of letters (for cities and street names): `"Round  Rock"` → `["round", "rock"]`.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," || $0 == "\t" }).map { letters(String($0)) }.filter { !$0.isEmpty }
    }
}
