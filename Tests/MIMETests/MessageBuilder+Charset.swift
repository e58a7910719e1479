import Foundation

extension MessageBuilder {
    /// Character sets the builder can write, each under the label written in the message.
    /// Encoding is done by Foundation (ICU) or by hand for UTF-8 and Latin-1, never by the
    /// engine under test. Aliases (`cp1252`, `latin2`, `sjis`) are labels mail really carries.
    enum Charset: String, CaseIterable {
        case utf8 = "UTF-8"
        case latin1 = "ISO-8859-1"
        case windows1252 = "windows-1252"
        case cp1252
        case iso88592 = "ISO-8859-2"
        case latin2
        case windows1251 = "windows-1251"
        case shiftJIS = "Shift_JIS"
        case sjis
        case iso2022JP = "ISO-2022-JP"

        /// The bytes of `text` in this charset, or nil when a character is outside it.
        func encode(_ text: String) -> [UInt8]? {
            switch self {
            case .utf8:
                return Array(text.utf8)
            case .latin1:
                var output: [UInt8] = []
                for scalar in text.unicodeScalars {
                    guard scalar.value <= 0xFF else { return nil }
                    output.append(UInt8(scalar.value))
                }
                return output
            default:
                if text.isEmpty { return [] }
                return text.data(using: foundationEncoding).map { [UInt8]($0) }
            }
        }

        private var foundationEncoding: String.Encoding {
            switch self {
            case .utf8: .utf8
            case .latin1: .isoLatin1
            case .windows1252, .cp1252: .windowsCP1252
            case .iso88592, .latin2: .isoLatin2
            case .windows1251: .windowsCP1251
            case .shiftJIS, .sjis: .shiftJIS
            case .iso2022JP: .iso2022JP
            }
        }

        /// Words for text in this charset: the shared pool's representable words plus
        /// words that need this charset's own characters.
        var wordPool: [String] {
            let own: [String] = switch self {
            case .utf8, .latin1: []
            case .windows1252, .cp1252: ["€", "“quoted”", "naïve", "–", "…", "Œuvre"]
            case .iso88592, .latin2: ["Łódź", "zażółć", "gęślą", "jaźń", "Žluťoučký"]
            case .windows1251: ["Привет", "дом", "участок", "Иван", "Петров"]
            case .shiftJIS, .sjis, .iso2022JP: ["東京", "日本語", "見積", "ありがとう", "カタカナ", "山田"]
            }
            return MessageBuilder.wordPool.filter { encode($0) != nil } + own
        }
    }
}
