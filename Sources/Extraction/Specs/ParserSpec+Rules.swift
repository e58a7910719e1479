import HTMLText
import LeadModel

extension ParserSpec {
    /// Runs the field rules on a message: for each field not already filled (lead metadata
    /// tags come first), the first rule that gives a usable value wins. `presence` (of the
    /// set this spec belongs to, for `view`) skips patterns whose literals are absent.
    func applyRules(to builder: inout LeadBuilder, view: InquiryView, presence: LiteralPresence? = nil, contactOnly: Bool = false) {
        // Through buffer pointers rather than `for (field, rules) in fields`, `for rule in
        // rules` or array subscripts: each rule is read in place, not copied (its payload
        // retained and released) for every message.
        var lookups = RuleLookups()
        fields.withUnsafeBufferPointer { fields in
            for fieldIndex in fields.indices {
                let field = fields[fieldIndex].field
                guard !builder.has(field), !contactOnly || field == .email || field == .phone else { continue }
                fields[fieldIndex].rules.withUnsafeBufferPointer { rules in
                    for ruleIndex in rules.indices {
                        guard let found = evaluate(rules, ruleIndex, view, presence, &lookups) else {
                            if lookups.patternGaveUp { flagGaveUp(&builder, field, rules[ruleIndex], &lookups) }
                            continue
                        }
                        let provenance = FieldProvenance(spec: name, rule: found.rule, location: found.location)
                        if builder.set(field, raw: found.value, hint: rules[ruleIndex].hint, provenance: provenance) { break }
                    }
                }
            }
        }
    }

    /// What the label and table-row rules of one message read, made on first use: only the
    /// labels this spec's rules name are indexed.
    private struct RuleLookups {
        var textLabels: TextLabelValues?
        var tableRows: [String?]?
        /// The last pattern rule evaluated gave up (its search's step budget ran out, see
        /// ``SpecRegex/Outcome/gaveUp``): it counts as no value, and the lead is flagged.
        var patternGaveUp = false
    }

    /// Flags the lead of a message on which `rule`, a pattern rule for `field`, gave up: its
    /// value, if the message has one, was not read, so a person should look (one crafted
    /// email stops the search, never the worker).
    private func flagGaveUp(_ builder: inout LeadBuilder, _ field: LeadField, _ rule: FieldRule, _ lookups: inout RuleLookups) {
        lookups.patternGaveUp = false
        builder.lead.flagForReview("spec pattern gave up: \(name) \(field.rawValue) \(rule.provenanceName())")
    }

    /// `search`'s value, noting in `lookups` when it gave up.
    private func found(_ search: SpecPattern.ValueSearch, _ lookups: inout RuleLookups) -> (value: String, utf8Offset: Int)? {
        switch search {
        case .found(let value, let offset): return (value, offset)
        case .notFound: return nil
        case .gaveUp:
            lookups.patternGaveUp = true
            return nil
        }
    }

    /// Rule `index` of `rules` on `view`: its value, provenance name and location.
    private func evaluate(
        _ rules: UnsafeBufferPointer<FieldRule>, _ index: Int, _ view: InquiryView, _ presence: LiteralPresence?,
        _ lookups: inout RuleLookups
    ) -> (value: String, rule: String, location: String?)? {
        // The rule read through a pointer, by its payload-free plan: only the rare
        // `.general` rules switch on (and copy) their kind.
        guard let base = rules.baseAddress, rules.indices.contains(index) else { return nil }
        let rule = base + index
        switch rule.pointee.plan {
        case .slottedLabel(let multiline):
            if lookups.textLabels == nil { lookups.textLabels = view.labelValues(for: textLabelTable) }
            // Read in place (optional chaining) rather than bound to a copy of the lookup.
            guard let (labelIndex, entry) = lookups.textLabels?.value(forSlots: rule.pointee.slots) else { return nil }
            let value = multiline ? lookups.textLabels?.multilineValue(from: entry) ?? entry.value : entry.value
            return (value, rule.pointee.provenanceName(labelAt: labelIndex), view.textLocation(line: entry.line))
        case .slottedTableRow:
            if lookups.tableRows == nil { lookups.tableRows = view.tableRowValues(for: tableRowTable) }
            guard let rows = lookups.tableRows else { return nil }
            let slots = rule.pointee.slots
            for labelIndex in slots.indices where slots[labelIndex] >= 0 {
                if let value = rows[slots[labelIndex]], !value.isEmpty {
                    return (value, rule.pointee.provenanceName(labelAt: labelIndex), "HTML table row")
                }
            }
            return nil
        case .pattern(let scope):
            // The rule's boxed pattern, run in place: no copy of the pattern.
            switch scope {
            case .text:
                // The arguments worked out before the boxed pattern is reached (see
                // ``FieldRule/PatternBox/firstValue(in:presence:isASCII:)``). No literal
                // presence: where detection did not need it, scanning the text for every
                // literal of the set costs more than it saves these patterns, whose windows
                // find their own literals with `memchr` (see ``PatternWindow``).
                let text = view.text
                let isASCII = view.textIsASCII
                guard let search = rule.pointee.pattern?.valueSearch(in: text, presence: nil, isASCII: isASCII, budget: view.patternBudget),
                      let (value, offset) = found(search, &lookups) else {
                    return nil
                }
                return (value, rule.pointee.provenanceName(), view.textLocation(line: view.line(ofUTF8Offset: offset)))
            case .subject:
                let subject = view.subject
                let subjectPresence = presence?.subject
                let isASCII = view.subjectIsASCII
                guard let search = rule.pointee.pattern?.valueSearch(in: subject, presence: subjectPresence, isASCII: isASCII,
                                                                      budget: view.patternBudget),
                      let (value, _) = found(search, &lookups) else {
                    return nil
                }
                return (value, rule.pointee.provenanceName(), view.inquiry.subjectSource)
            case .html:
                guard let search = rule.pointee.pattern?.pattern.valueSearch(in: view.boundedHTML, budget: view.patternBudget),
                      let (value, _) = found(search, &lookups) else { return nil }
                return (value, rule.pointee.provenanceName(), "HTML source")
            }
        case .general:
            break
        }
        switch rule.pointee.kind {
        case .label(let labels, let multiline):
            // Labels without slots (not from a loaded spec): the full index.
            guard let (labelIndex, entry) = view.labels.value(for: labels) else { return nil }
            let value = multiline ? view.labels.multilineValue(from: entry, knownLabels: labelKeys) : entry.value
            return (value, rule.pointee.provenanceName(labelAt: labelIndex), view.textLocation(line: entry.line))
        case .tableRow(let labels):
            for (labelIndex, key) in labels.keys.enumerated() {
                if let value = view.tableRows[key], !value.isEmpty {
                    return (value, rule.pointee.provenanceName(labelAt: labelIndex), "HTML table row")
                }
            }
            return nil
        case .xpath(let expression):
            guard let document = view.htmlDocument,
                  let values = try? document.values(matching: expression) else { return nil }
            guard let value = values.first(where: { !$0.isEmpty }) else { return nil }
            return (value, rule.pointee.provenanceName(), "HTML")
        case .pattern:
            return nil  // planned above
        case .header(let headerName):
            guard let (value, location) = view.header(headerName) else { return nil }
            return (value, rule.pointee.provenanceName(), location)
        case .value(let constant):
            return (constant, rule.pointee.provenanceName(), "spec constant")
        }
    }
}
