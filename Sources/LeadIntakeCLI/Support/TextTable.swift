import Foundation

/// Plain aligned columns for terminal listings.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "(none)" }
        let all = [header] + rows.map { $0.map { $0.replacingOccurrences(of: "\n", with: " ") } }
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
