import LeadModel

/// A first name alone closing the text, after a blank line below some text ("... Budget
/// around 150 grand." / "" / "Sarah"), without a sign-off: taken only when the writer's
/// email address starts with it (`sarah.whitfield@yahoo.com`, `sarah88@gmail.com`, the
/// first word of its local part split at `.`, `_` or `-`, digits at its end and a `+tag`
/// dropped). One capitalised word alone is too often something else (a place, a word of the
/// text, the builder's name) for the text alone to tell; the address says whose it is.
/// The last name then comes from the address as for a signed first name
/// (``surname(for:email:)``, in ``InquiryHeuristics``).
extension SignatureNameFinder {
    static func loneFirstName(in lines: InquiryLines, email: String) -> HeuristicFinding<PersonName>? {
        let all = lines.lines
        guard var last = all.lastIndex(where: { !$0.text.isEmpty }) else { return nil }
        // "Sarah" / "Sent from my iPhone": the name above the device's footer.
        if isDeviceFooter(all[last].text) {
            guard let above = all[..<last].lastIndex(where: { !$0.text.isEmpty }) else { return nil }
            last = above
        }
        guard last >= 2, all[last - 1].text.isEmpty, all[..<(last - 1)].contains(where: { !$0.text.isEmpty }) else { return nil }
        let word = all[last].text
        let bytes = Array(word.utf8)
        guard bytes.count >= 2, bytes.count <= 20, bytes[0] >= 0x41, bytes[0] <= 0x5A,
              bytes.dropFirst().allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        let lowered = word.lowercased()
        guard lowered == emailFirstWord(email), !notNames.contains(lowered), !closings.contains(lowered),
              !unsignedStopWords.contains(lowered), !placeLeads.contains(lowered) else { return nil }
        return HeuristicFinding(value: PersonName(first: word), line: all[last].number, rule: "first name alone closing the text, the start of the sender's address")
    }

    /// A name typed in lowercase on a line of its own near the end (`kelly nguyen` above a
    /// phone), taken only when it is the sender's address's local part (`kelly.nguyen@`,
    /// `kelly_nguyen@`): written capitalised.
    static func lowercaseNameOfAddress(in lines: InquiryLines, email: String) -> HeuristicFinding<PersonName>? {
        let bytes = Array(email.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at >= 5 else { return nil }
        let parts = bytes[..<at].split { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }
        guard parts.count == 2, parts.allSatisfy({ $0.count >= 2 && $0.allSatisfy { $0 &- 0x61 < 26 } }) else { return nil }
        let wanted = Array(parts[0]) + [0x20] + Array(parts[1])
        for line in lines.lines.suffix(12).reversed() where line.text.utf8.count == wanted.count {
            guard line.text.utf8.elementsEqual(wanted) else { continue }
            let first = String(decoding: [parts[0].first! - 0x20] + parts[0].dropFirst(), as: UTF8.self)
            let last = String(decoding: [parts[1].first! - 0x20] + parts[1].dropFirst(), as: UTF8.self)
            return HeuristicFinding(value: PersonName(first: first, last: last), line: line.number,
                                    rule: "name typed in lowercase, the sender's address")
        }
        return nil
    }

    /// The lowercase first word of `email`'s local part (letters only), or nil.
    private static func emailFirstWord(_ email: String) -> String? {
        let bytes = Array(email.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return nil }
        let local = bytes[..<at]
        let end = local.firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") } ?? at
        var word = local[..<end]
        while let tail = word.last, tail &- 0x30 < 10 { word = word.dropLast() }
        guard word.count >= 2, word.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
        return String(decoding: word.map { $0 | 0x20 }, as: UTF8.self)
    }
}
