import HTMLText
import YAMLFiles
import Yams

extension ParserSpec {
    private static let topKeys: Set<String> = [
        "source", "detail", "name", "version", "priority", "detect", "ignore", "relays", "fields",
    ]
    private static let detectKeys: Set<String> = [
        "sender_domains", "sender_addresses", "sender_patterns", "reply_to_domains", "subjects", "body_markers",
    ]
    private static let ruleKinds: Set<String> = ["label", "table_row", "xpath", "pattern", "header", "value"]
    private static let ruleKeys: Set<String> = ruleKinds.union(["multiline", "in", "normalize"])

    /// Reads a spec from YAML text.
    ///
    /// - Parameters:
    ///   - yaml: The file's contents.
    ///   - name: The file stem.
    ///   - file: The path, for error messages.
    /// - Throws: ``SpecError`` pointing at the offending line and column.
    init(yaml: String, name: String, file: String) throws {
        guard let top = try SpecNode.document(yaml, file: file) else {
            throw SpecError(code: .missingKey, file: file, line: 1, column: 1, reason: "the file is empty")
        }
        let pairs = try top.mapping("a spec", allowed: Self.topKeys)
        func value(_ key: String) -> SpecNode? { pairs.first { $0.key == key }?.value }
        func required(_ key: String) throws -> SpecNode {
            guard let node = value(key) else { throw top.error(.missingKey, "missing required key '\(key)'") }
            return node
        }

        self.name = name
        self.file = file
        let sourceNode = try required("source")
        source = try sourceNode.string("source")
        guard Self.sourceSlugs.contains(source) else {
            throw sourceNode.error(.invalidValue, "unknown source '\(source)' (known: \(Self.sourceSlugs.sorted().joined(separator: ", ")))")
        }
        detail = try value("detail")?.string("detail") ?? name
        title = try required("name").string("name")
        version = try required("version").string("version")
        priority = try value("priority")?.int("priority") ?? 50
        detection = try Self.detection(try required("detect"))
        ignoreRules = try value("ignore").map(Self.ignoreRules) ?? []
        relays = try value("relays").map(Self.relays) ?? Relays()
        fields = try value("fields").map(Self.fieldRules) ?? []
        for (_, rules) in fields {
            for rule in rules {
                if case .label(let labels, _) = rule.kind { labelKeys.formUnion(labels.keys) }
            }
        }
        prepareLabelTables()
    }

    /// Makes the tables of the keys the `label:` and `table_row:` rules ask for and gives
    /// every such rule its slots in them.
    mutating func prepareLabelTables() {
        var textKeys: [String] = []
        var rowKeys: [String] = []
        for (_, rules) in fields {
            for rule in rules {
                switch rule.kind {
                case .label(let labels, _): textKeys += labels.keys
                case .tableRow(let labels): rowKeys += labels.keys
                default: break
                }
            }
        }
        textLabelTable = LabelKeyTable(keys: textKeys)
        tableRowTable = LabelKeyTable(keys: rowKeys)
        for field in fields.indices {
            for rule in fields[field].rules.indices {
                switch fields[field].rules[rule].kind {
                case .label(let labels, let multiline):
                    fields[field].rules[rule].kind = .label(labels.withSlots(in: textLabelTable), multiline: multiline)
                case .tableRow(let labels):
                    fields[field].rules[rule].kind = .tableRow(labels.withSlots(in: tableRowTable))
                default:
                    break
                }
            }
        }
    }

    private static func detection(_ node: SpecNode) throws -> Detection {
        var detection = Detection()
        for (key, _, value) in try node.mapping("detect", allowed: detectKeys) {
            switch key {
            case "sender_domains": detection.senderDomains = try value.strings(key).map { $0.lowercased() }
            case "sender_addresses": detection.senderAddresses = try value.strings(key).map { $0.lowercased() }
            case "sender_patterns": detection.senderPatterns = try patterns(value, key)
            case "reply_to_domains": detection.replyToDomains = try value.strings(key).map { $0.lowercased() }
            case "subjects": detection.subjects = try patterns(value, key)
            default: detection.bodyMarkers = try patterns(value, key)
            }
        }
        guard detection.hasSenderSide || detection.hasContentSide else {
            throw node.error(.missingKey, "detect needs at least one non-empty list (sender_domains, subjects, body_markers, ...)")
        }
        return detection
    }

    private static func patterns(_ node: SpecNode, _ what: String) throws -> [SpecPattern] {
        try node.list().map { try $0.pattern("each entry of \(what)") }
    }

    private static func ignoreRules(_ node: SpecNode) throws -> [IgnoreRule] {
        try node.list().map { entry in
            var rule = IgnoreRule(reason: "")
            var hasReason = false
            for (key, _, value) in try entry.mapping("an ignore rule", allowed: ["subject", "body", "reason"]) {
                switch key {
                case "subject": rule.subject = try value.pattern("ignore subject")
                case "body": rule.body = try value.pattern("ignore body")
                default:
                    rule.reason = try value.string("reason")
                    hasReason = true
                }
            }
            guard hasReason else { throw entry.error(.missingKey, "an ignore rule needs a 'reason'") }
            guard rule.subject != nil || rule.body != nil else {
                throw entry.error(.missingKey, "an ignore rule needs 'subject' or 'body'")
            }
            return rule
        }
    }

    private static func relays(_ node: SpecNode) throws -> Relays {
        var relays = Relays()
        for (key, _, value) in try node.mapping("relays", allowed: ["email_domains", "phones_are_proxied"]) {
            if key == "email_domains" {
                relays.emailDomains = try value.strings(key).map { $0.lowercased() }
            } else {
                relays.phonesAreProxied = try value.bool(key)
            }
        }
        return relays
    }

    private static func fieldRules(_ node: SpecNode) throws -> [(field: LeadField, rules: [FieldRule])] {
        let known = LeadField.allCases.map(\.rawValue)
        var result: [(field: LeadField, rules: [FieldRule])] = []
        for (key, keyNode, value) in try node.mapping("fields", allowed: Set(known), noun: "field") {
            let field = LeadField(rawValue: key)!
            let rules = try value.list().map { try fieldRule($0, field: field) }
            guard !rules.isEmpty else { throw value.error(.missingKey, "field '\(key)' has no rules") }
            _ = keyNode
            result.append((field, rules))
        }
        return result
    }

    private static func fieldRule(_ node: SpecNode, field: LeadField) throws -> FieldRule {
        let pairs = try node.mapping("a field rule", allowed: ruleKeys)
        let kinds = pairs.filter { ruleKinds.contains($0.key) }
        guard kinds.count == 1, let (kindKey, _, kindValue) = kinds.first else {
            let reason = kinds.isEmpty
                ? "a field rule needs one of: label, table_row, xpath, pattern, header, value"
                : "a field rule has exactly one of label, table_row, xpath, pattern, header, value"
            throw node.error(.invalidValue, reason)
        }
        var multiline = false
        var scope = FieldRule.PatternScope.text
        var hint: NormalizeHint?
        for (key, keyNode, value) in pairs where !ruleKinds.contains(key) {
            switch key {
            case "multiline":
                guard kindKey == "label" else { throw keyNode.error(.invalidValue, "'multiline' applies to label rules only") }
                multiline = try value.bool("multiline")
            case "in":
                guard kindKey == "pattern" else { throw keyNode.error(.invalidValue, "'in' applies to pattern rules only") }
                let text = try value.string("in")
                guard let parsed = FieldRule.PatternScope(rawValue: text) else {
                    throw value.error(.invalidValue, "'in' must be text, subject or html, not '\(text)'")
                }
                scope = parsed
            default:
                let text = try value.string("normalize")
                guard let parsed = NormalizeHint(rawValue: text) else {
                    let known = NormalizeHint.allCases.map(\.rawValue).joined(separator: ", ")
                    throw value.error(.invalidValue, "unknown normalize hint '\(text)' (known: \(known))")
                }
                guard field.accepts(parsed) else {
                    throw value.error(.invalidValue, "normalize hint '\(text)' does not apply to field '\(field.rawValue)'")
                }
                hint = parsed
            }
        }
        let kind: FieldRule.Kind
        switch kindKey {
        case "label":
            kind = .label(SpecLabels(try kindValue.strings("label")), multiline: multiline)
        case "table_row":
            kind = .tableRow(SpecLabels(try kindValue.strings("table_row")))
        case "xpath":
            let source = try kindValue.string("xpath")
            do {
                kind = .xpath(try XPathExpression(source))
            } catch {
                throw kindValue.error(.invalidXPath, "xpath '\(source)' is not a valid XPath 1.0 expression (\((error as? XPathError)?.reason ?? "invalid"))")
            }
        case "pattern":
            kind = .pattern(try kindValue.pattern("pattern"), scope: scope)
        case "header":
            let name = try kindValue.string("header")
            guard !name.contains(":"), !name.contains(" ") else {
                throw kindValue.error(.invalidValue, "header must be a header name such as Reply-To, From or From-name")
            }
            kind = .header(name)
        default:
            kind = .value(try kindValue.string("value"))
        }
        return FieldRule(kind: kind, hint: hint)
    }
}
