public import Foundation

/// Parses RFC 5322 dates tolerantly: optional weekday, optional seconds, two- and
/// three-digit years, numeric offsets and the obsolete named zones. Tokens are found by a
/// hand-written split, and the date is computed arithmetically (no Calendar, no locale).
public enum RFC5322DateParser {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
        // Not in RFC 5322 but common in the wild; only the unambiguous ones.
        "akst": -9, "akdt": -8, "hst": -10, "wet": 0, "west": 1, "cet": 1, "cest": 2, "met": 1, "mest": 2,
        "eet": 2, "eest": 3, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
    ]

    /// The instant named by `text`, or nil when it is not recognisably a date.
    /// A missing zone is read as UTC.
    public static func parse(_ text: String) -> Date? {
        var tokens: [String] = []
        for token in text.prefix(200).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" || $0 == "\n" }) {
            // RFC 850 / Usenet "12-May-2026": a hyphen inside a token separates fields;
            // a leading one is the sign of a zone offset ("-0500") and stays.
            // Byte searches, not `contains("-")`: with Foundation imported that resolves to a
            // (much slower) locale-aware substring search, and the needles are ASCII.
            if token.utf8.dropFirst().contains(UInt8(ascii: "-")), token.first != "-", token.first != "+" {
                tokens += token.split(separator: "-").map(String.init)
            } else {
                tokens.append(String(token))
            }
        }
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var offsetMinutes = 0
        for token in tokens {
            let lower = token.lowercased()
            if time == nil, token.utf8.contains(UInt8(ascii: ":")), let parsed = parseTime(token) {
                time = parsed
            } else if month == nil, lower.count >= 3, let index = months.firstIndex(of: String(lower.prefix(3))) {
                month = index + 1
            } else if let first = token.first, first == "+" || first == "-", token.count == 5,
                      let value = Int(token.dropFirst()) {
                let minutes = (value / 100) * 60 + value % 100
                offsetMinutes = first == "-" ? -minutes : minutes
            } else if let value = Int(token), token.allSatisfy(\.isASCII) {
                if day == nil && token.count <= 2 && value >= 1 && value <= 31 {
                    day = value
                } else if year == nil {
                    year = expandYear(value, digits: token.count)
                }
            } else if let hours = zones[lower] {
                offsetMinutes = hours * 60
            } else if lower.hasPrefix("(") {
                break  // A trailing comment such as "(CDT)" adds nothing.
            }
        }
        guard let day, let month, let year, let time else { return nil }
        guard day <= daysInMonth(month, year: year) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + time.hour * 3600 + time.minute * 60 + time.second - offsetMinutes * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func parseTime(_ token: String) -> (hour: Int, minute: Int, second: Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var second = 0
        if parts.count == 3 {
            guard let value = Int(parts[2].prefix(2)), (0...60).contains(value) else { return nil }
            second = min(value, 59)
        }
        return (hour, minute, second)
    }

    /// RFC 5322 section 4.3: two-digit years below 50 are 20xx, others 19xx; three digits add 1900.
    private static func expandYear(_ value: Int, digits: Int) -> Int? {
        switch digits {
        case 1, 2: return value < 50 ? 2000 + value : 1900 + value
        case 3: return 1900 + value
        case 4: return value
        default: return nil
        }
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
