/// RFC 4180 CSV, as spreadsheets and CRMs export it: comma-separated, fields optionally in
/// double quotes (a quote inside written twice, line breaks allowed inside quotes), CRLF or
/// LF line ends, an optional UTF-8 byte order mark. Bytes that are not UTF-8 are read as
/// Windows-1252 (what Excel writes on US machines).
public struct CSVReader: Sendable {
    /// A malformed file, with the line it starts on (1-based).
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(self.line): \(self.reason)" }
    }

    /// One record and the line it started on.
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    /// Longest field accepted; a runaway quote otherwise swallows the rest of the file.
    public static let maximumFieldLength = 64 * 1024

    /// All records of `bytes`. Blank lines are skipped.
    public static func records(_ bytes: [UInt8]) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var quoteLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func finishField() {
            fields.append(Self.decode(field))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func finishRecord() {
            finishField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: ","):
                    finishField()
                case UInt8(ascii: "\""):
                    if field.isEmpty && !fieldWasQuoted {
                        inQuotes = true
                        fieldWasQuoted = true
                        quoteLine = line
                    } else {
                        throw Failure(line: line, reason: "a double quote inside an unquoted field (write it as \"\" inside a quoted field)")
                    }
                case 0x0D:
                    break
                case 0x0A:
                    finishRecord()
                    line += 1
                    recordLine = line
                default:
                    if fieldWasQuoted {
                        throw Failure(line: line, reason: "text after the closing quote of a field")
                    }
                    field.append(byte)
                }
            }
            if field.count > Self.maximumFieldLength {
                throw Failure(line: inQuotes ? quoteLine : line,
                              reason: "a field longer than \(Self.maximumFieldLength) bytes (an unclosed quote?)")
            }
            index += 1
        }
        if inQuotes { throw Failure(line: quoteLine, reason: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { finishRecord() }
        return records
    }

    static func decode(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map(Self.windows1252)))
    }

    private static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
                              0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
                              0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(high[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }
}
