public import LeadModel

/// Finds what a homeowner wrote in their own words (phone, address, budget, timeline,
/// project type, lot status, financing, their name) and fills the lead's *missing* fields
/// with it, recording a heuristic provenance for each.
///
/// Each kind has its own finder in this folder, which documents what it accepts and what it
/// passes over: ``PhoneFinder``, ``AddressFinder``, ``BudgetPhraseFinder``,
/// ``TimelinePhraseFinder``, ``VocabularyFinder`` (project type, lot status, financing),
/// ``SelfIntroductionFinder`` (`My name is ...`, tried before the signature) and
/// ``SignatureNameFinder``. Provenance is `FieldProvenance(spec: nil, rule: "heuristic: <what>",
/// location: "<location> line N")`. Quoted (`>`) lines are never read.
public enum InquiryHeuristics {
    /// Fills empty fields of `lead` from `text`; `location` prefixes provenance
    /// (`"forwarded original body"` → `"forwarded original body line 7"`). `writtenIn`, the
    /// year the message was sent when known, keeps a past year out of the timeline.
    /// `names` and `phones` false leave those out: a builder's note about the prospect holds
    /// the builder's own name, and may hold the builder's own number. `projectFeatures` false
    /// leaves out a project type that is a feature of a home: a spouse's wish list names the
    /// features of the home ("covered patio, 3 car garage"), not a patio's or a garage's project.
    ///
    /// A text that is not language (``TextLegibility``: binary bytes sent as text) fills
    /// nothing and flags the lead for review instead: chance words in noise are no fields.
    public static func fill(_ lead: inout ExtractedLead, from text: String, location: String, writtenIn: Int? = nil,
                            names: Bool = true, phones: Bool = true, projectFeatures: Bool = true) {
        guard !text.isEmpty else { return }
        let lines = InquiryLines(text)
        // (Noise is control and non-ASCII bytes: a text of ASCII lines without a control
        // byte is not looked at.)
        if lines.traits.contains(where: { !$0.isASCII || $0.hasControl }), TextLegibility.isUnreadable(text) {
            lead.flagForReview("the message text is unreadable (binary data or a wrong character set): no field was read from it")
            return
        }
        func provenance(_ rule: String, _ line: Int) -> FieldProvenance {
            FieldProvenance(spec: nil, rule: joined("heuristic: ", rule), location: joined(location, " line ", number: line))
        }

        if phones, lead.phone == nil, PhoneFinder.mayFind(in: lines) {
            let relays = Set(lead.contactChannels.filter { $0.kind == .phone && $0.isRelay }.map(\.value))
            if let found = PhoneFinder.find(in: lines, excluding: relays) {
                lead.phone = found.value.number
                lead.fields["phone"] = provenance(found.rule, found.line)
                if lead.phoneExtension == nil, let phoneExtension = found.value.phoneExtension {
                    lead.phoneExtension = phoneExtension
                    lead.fields["phone_extension"] = provenance(found.rule, found.line)
                }
            }
        }
        // (An address with every part has nothing left to fill.)
        if !hasEveryPart(lead.address) {
            for found in AddressFinder.find(in: lines) {
                fillAddress(&lead, with: found.value, provenance(found.rule, found.line))
            }
            // No street gave a city: the place of the land or the build ("a lot in Kyle").
            if lead.address?.city == nil, lead.address?.postalCode == nil, let found = AddressFinder.placeCity(in: lines) {
                fillAddress(&lead, with: found.value, provenance(found.rule, found.line))
            }
        }
        if lead.budgetLow == nil, lead.budgetHigh == nil, let found = BudgetPhraseFinder.find(in: lines) {
            lead.budgetLow = found.value.low
            lead.budgetHigh = found.value.high
            let source = provenance(found.rule, found.line)
            lead.fields["budget"] = source
            if found.value.low != nil { lead.fields["budget_low"] = source }
            if found.value.high != nil { lead.fields["budget_high"] = source }
        }
        if lead.timeline == nil, let found = TimelinePhraseFinder.find(in: lines, earliestYear: writtenIn) {
            lead.timeline = found.value
            lead.fields["timeline"] = provenance(found.rule, found.line)
        }
        if lead.projectType == nil, let found = VocabularyFinder.projectType(in: lines, features: projectFeatures) {
            lead.projectType = found.value
            lead.fields["project_type"] = provenance(found.rule, found.line)
        }
        if lead.lotStatus == nil, let found = VocabularyFinder.lotStatus(in: lines) {
            lead.lotStatus = found.value
            lead.fields["lot_status"] = provenance(found.rule, found.line)
        }
        if lead.financing == nil, let found = VocabularyFinder.financing(in: lines) {
            lead.financing = found.value
            lead.fields["financing"] = provenance(found.rule, found.line)
        }
        if names, lead.firstName == nil, lead.lastName == nil,
           let found = SelfIntroductionFinder.find(in: lines) ?? SignatureNameFinder.find(in: lines)
               ?? lead.email.flatMap({ SignatureNameFinder.loneFirstName(in: lines, email: $0) })
               ?? lead.email.flatMap({ SignatureNameFinder.lowercaseNameOfAddress(in: lines, email: $0) }) {
            if let first = found.value.first {
                lead.firstName = first
                lead.fields["first_name"] = provenance(found.rule, found.line)
            }
            // A first name signed alone (or with an initial): the last name the writer's
            // address spells out (`Dana` from `dana.k.ellis@gmail.com`).
            if let email = lead.email, let last = SignatureNameFinder.surname(for: found.value, email: email) {
                lead.lastName = last
                lead.fields["last_name"] = FieldProvenance(
                    spec: nil, rule: "heuristic: the email address's last word, after the signed first name (\(found.rule), \(location) line \(found.line))",
                    location: lead.fields["email"]?.location ?? "email address")
            } else if let last = found.value.last {
                lead.lastName = last
                lead.fields["last_name"] = provenance(found.rule, found.line)
            }
        } else if names, let initial = lead.firstName, PersonNameNormalizer.isInitial(initial), let last = lead.lastName,
                  let found = SignatureNameFinder.find(in: lines), let first = found.value.first, first.count > 2,
                  found.value.last?.lowercased() == last.lowercased(), first.first?.lowercased() == initial.first?.lowercased() {
            // A display name's initial ("K. Oyelaran") that the signature spells out under the
            // same last name ("Kemi Oyelaran"): the signed first name.
            lead.firstName = first
            lead.fields["first_name"] = provenance(found.rule, found.line)
        } else if names, lead.firstName == nil, let last = lead.lastName, let found = SignatureNameFinder.find(in: lines),
                  let first = found.value.first, found.value.last == nil || found.value.last?.lowercased() == last.lowercased() {
            // A household's display name ("Nguyen Family") and the writer's sign-off with a
            // first name alone or under that surname ("Thanks, Linh"; a couple, "Jim and Lori
            // Patterson": the first named): the signed first name.
            lead.firstName = first
            lead.fields["first_name"] = provenance(found.rule, found.line)
        } else if names, let first = lead.firstName, let initial = lead.lastName, PersonNameNormalizer.isInitial(initial),
                  let found = SignatureNameFinder.find(in: lines), found.value.first?.lowercased() == first.lowercased(),
                  let last = found.value.last, last.count > 2, last.first?.lowercased() == initial.first?.lowercased() {
            // A display name's last initial ("Priya N") that the signature spells out under the
            // same first name ("Priya Nair"): the signed last name.
            lead.lastName = last
            lead.fields["last_name"] = provenance(found.rule, found.line)
        }
    }

    /// `prefix + text` (then `number` in decimal, when given), made in one go: what `+` and
    /// `String(_:)` make, without their longer general paths (cold on most texts).
    private static func joined(_ prefix: String, _ text: StaticString, number: Int) -> String {
        var prefix = prefix
        return prefix.withUTF8 { head in
            // (A line number has at most 20 digits and a sign.)
            String(unsafeUninitializedCapacity: head.count + text.utf8CodeUnitCount + 21) { buffer in
                var count = append(head, to: buffer, at: 0)
                count = append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), to: buffer, at: count)
                var value = number.magnitude
                if number < 0 { buffer[count] = UInt8(ascii: "-"); count += 1 }
                let firstDigit = count
                repeat {
                    buffer[count] = UInt8(ascii: "0") + UInt8(value % 10)
                    count += 1
                    value /= 10
                } while value > 0
                // (Written least significant first.)
                var low = firstDigit
                var high = count - 1
                while low < high {
                    buffer.swapAt(low, high)
                    low += 1
                    high -= 1
                }
                return count
            }
        }
    }

    private static func joined(_ prefix: StaticString, _ text: String) -> String {
        var text = text
        return text.withUTF8 { tail in
            String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + tail.count) { buffer in
                let count = append(UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount), to: buffer, at: 0)
                return append(tail, to: buffer, at: count)
            }
        }
    }

    /// Copies `bytes` into `buffer` at `offset` (one copy, not a loop a byte at a time);
    /// returns the offset past them.
    @inline(__always)
    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return offset }
        (buffer.baseAddress.unsafelyUnwrapped + offset).initialize(from: source, count: bytes.count)
        return offset + bytes.count
    }

    /// Fills the address parts the lead lacks, unless what it has disagrees (another ZIP or
    /// state: then the text is about a different place and nothing is taken).
    /// Whether every part ``fillAddress(_:with:_:)`` fills is there.
    private static func hasEveryPart(_ address: PostalAddress?) -> Bool {
        guard let address else { return false }
        return address.street != nil && address.city != nil && address.state != nil && address.postalCode != nil
    }

    private static func fillAddress(_ lead: inout ExtractedLead, with found: PostalAddress, _ provenance: FieldProvenance) {
        var address = lead.address ?? PostalAddress()
        if let zip = address.postalCode, let other = found.postalCode, zip.prefix(5) != other.prefix(5) { return }
        if let state = address.state, let other = found.state, state != other { return }
        if address.street != nil, found.street != nil, address.city == nil, found.city == nil,
           address.postalCode == nil, found.postalCode == nil { return }
        var changed = false
        func take(_ keyPath: WritableKeyPath<PostalAddress, String?>, _ field: String) {
            guard address[keyPath: keyPath] == nil, let value = found[keyPath: keyPath] else { return }
            address[keyPath: keyPath] = value
            lead.fields[field] = provenance
            changed = true
        }
        take(\.street, "street")
        take(\.city, "city")
        take(\.state, "state")
        take(\.postalCode, "postal_code")
        if changed { lead.address = address }
    }
}
