import Foundation

/// Date headers in the forms seen in the wild, each with the instant it denotes, computed
/// here from civil-calendar arithmetic rather than by the parser under test.
extension MessageBuilder {
    struct DateHeader {
        /// The header value as written.
        var text: String
        /// The instant it denotes.
        var instant: Date
    }

    /// Named zones of RFC 5322 section 4.3 (obsolete) and their offsets in hours.
    static let namedZones: [(String, Int)] = [
        ("UT", 0), ("GMT", 0), ("EST", -5), ("EDT", -4), ("CST", -6), ("CDT", -5),
        ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7),
    ]

    /// A random date between 2000 and 2049 (two-digit years are unambiguous there), with
    /// or without weekday and seconds, with a numeric offset or a named zone.
    static func randomDate(_ generator: inout SplitMix64) -> DateHeader {
        let year = 2000 + generator.below(50)
        let month = 1 + generator.below(12)
        let day = 1 + generator.below(daysIn(month: month, year: year))
        let hour = generator.below(24)
        let minute = generator.below(60)
        let second = generator.below(60)
        let withSeconds = !generator.chance(4)
        let offsetMinutes: Int
        let zone: String
        if generator.chance(3) {
            let named = generator.pick(namedZones)
            zone = named.0
            offsetMinutes = named.1 * 60
        } else {
            offsetMinutes = (generator.below(27) - 12) * 60 + (generator.chance(5) ? 30 : 0)
            let magnitude = abs(offsetMinutes)
            zone = (offsetMinutes < 0 ? "-" : "+") + twoDigits(magnitude / 60) + twoDigits(magnitude % 60)
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let monthName = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
        var text = generator.chance(3) ? "" : "\(weekday), "
        text += "\(day) \(monthName) \(generator.chance(4) ? twoDigits(year % 100) : String(year)) "
        text += "\(twoDigits(hour)):\(twoDigits(minute))" + (withSeconds ? ":\(twoDigits(second))" : "") + " \(zone)"
        let local = days * 86_400 + hour * 3600 + minute * 60 + (withSeconds ? second : 0)
        return DateHeader(text: text, instant: Date(timeIntervalSince1970: TimeInterval(local - offsetMinutes * 60)))
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
