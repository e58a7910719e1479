import HTMLText
import LeadModel

extension ParserSpec {
    /// Runs the field rules on a message: for each field not already filled (lead metadata
    /// tags come first), the first rule that gives a usable value wins. `presence` (of the
    /// set this spec belongs to, for `view`) skips patterns whose literals are absent.
    func applyRules(to builder: inout LeadBuilder, view: InquiryView, presence: LiteralPresence? = nil) {
        // Indices rather than `for (field, rules) in fields`, `for rule in rules`: the rules
        // are read in place instead of copied (with their payloads) for every message.
        for fieldIndex in fields.indices {
            let field = fields[fieldIndex].field
            guard !builder.has(field) else { continue }
            let rules = fields[fieldIndex].rules
            for ruleIndex in rules.indices {
                guard let found = evaluate(rules[ruleIndex], view, presence) else { continue }
                let provenance = FieldProvenance(spec: name, rule: found.rule, location: found.location)
                if builder.set(field, raw: found.value, hint: rules[ruleIndex].hint, provenance: provenance) { break }
            }
        }
    }

    private func evaluate(_ rule: FieldRule, _ view: InquiryView, _ presence: LiteralPresence?) -> (value: String, rule: String, location: String?)? {
        switch rule.kind {
        case .label(let labels, let multiline):
            guard let (labelIndex, entry) = view.labels.value(for: labels) else { return nil }
            let value = multiline ? view.labels.multilineValue(from: entry, knownLabels: labelKeys) : entry.value
            return (value, rule.provenanceName(labelAt: labelIndex), view.textLocation(line: entry.line))
        case .tableRow(let labels):
            for (labelIndex, key) in labels.keys.enumerated() {
                if let value = view.tableRows[key], !value.isEmpty {
                    return (value, rule.provenanceName(labelAt: labelIndex), "HTML table row")
                }
            }
            return nil
        case .xpath(let expression):
            guard let document = view.htmlDocument,
                  let values = try? document.values(matching: expression) else { return nil }
            guard let value = values.first(where: { !$0.isEmpty }) else { return nil }
            return (value, rule.provenanceName(), "HTML")
        case .pattern(let pattern, let scope):
            switch scope {
            case .text:
                guard let (value, offset) = pattern.firstValue(in: view.text, presence: presence?.text) else { return nil }
                return (value, rule.provenanceName(), view.textLocation(line: view.line(ofUTF8Offset: offset)))
            case .subject:
                guard let (value, _) = pattern.firstValue(in: view.subject, presence: presence?.subject) else { return nil }
                return (value, rule.provenanceName(), view.inquiry.subjectSource)
            case .html:
                guard let (value, _) = pattern.firstValue(in: view.boundedHTML) else { return nil }
                return (value, rule.provenanceName(), "HTML source")
            }
        case .header(let headerName):
            guard let (value, location) = view.header(headerName) else { return nil }
            return (value, rule.provenanceName(), location)
        case .value(let constant):
            return (constant, rule.provenanceName(), "spec constant")
        }
    }
}
