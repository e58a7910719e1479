import LeadModel

/// How condition values from a file and values on a lead are brought to one spelling.
extension RoutingConditions {
    /// A condition value the rules cannot use, with the reason.
    struct Problem: Error {
        var reason: String
    }

    /// `TX`, `tx`, `Texas` → `TX`; nil for an unknown state.
    static func state(_ raw: String) -> String? {
        USStates.code(for: raw)
    }

    /// `St. Louis`, `ST LOUIS` → `st louis`: lowercase letter and digit runs joined by spaces.
    static func cityKey(_ raw: String) -> String {
        var words: [String] = []
        var current = ""
        for character in raw.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character != "'" && character != "\u{2019}" && !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// `Custom Home`, `custom-home` → `custom_home`.
    static func slug(_ raw: String) -> String {
        cityKey(raw.replacing("_", with: " ")).replacing(" ", with: "_")
    }

    static func isZIP5(_ raw: String) -> Bool {
        raw.count == 5 && raw.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func isZIPPrefix(_ raw: String) -> Bool {
        (1...5).contains(raw.count) && raw.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Checks one value of the condition `key` (the file's spelling) and returns it normalised.
    static func normalize(_ raw: String, for key: CodingKeys) throws(Problem) -> String {
        switch key {
        case .states:
            guard let code = state(raw) else { throw Problem(reason: "unknown US state '\(raw)'") }
            return code
        case .cities:
            guard !cityKey(raw).isEmpty else { throw Problem(reason: "city '\(raw)' has no letters") }
            return raw
        case .zips:
            guard isZIP5(raw) else { throw Problem(reason: "ZIP '\(raw)' must be five digits") }
            return raw
        case .zipPrefixes:
            guard isZIPPrefix(raw) else { throw Problem(reason: "ZIP prefix '\(raw)' must be one to five digits") }
            return raw
        case .projectTypes:
            let value = slug(raw)
            guard ProjectTypeVocabulary.slugs.contains(value) else {
                throw Problem(reason: "unknown project type '\(raw)' (known: \(ProjectTypeVocabulary.slugs.sorted().joined(separator: ", ")))")
            }
            return value
        case .sources:
            let value = slug(raw)
            guard knownSources.contains(value) else {
                throw Problem(reason: "unknown source '\(raw)' (known: \(knownSources.sorted().joined(separator: ", ")))")
            }
            return value
        case .budget:
            return raw
        }
    }

    /// Checks a budget range: non-negative bounds, at least one, min not above max.
    static func check(_ budget: BudgetCondition) throws(Problem) {
        if budget.min == nil && budget.max == nil { throw Problem(reason: "budget needs 'min', 'max' or both") }
        if let min = budget.min, min < 0 { throw Problem(reason: "budget min must not be negative") }
        if let max = budget.max, max < 0 { throw Problem(reason: "budget max must not be negative") }
        if let min = budget.min, let max = budget.max, min > max {
            throw Problem(reason: "budget min \(Money.format(min)) is above max \(Money.format(max))")
        }
    }

    /// Every value checked and normalised (states to USPS codes, slugs lowercased).
    func normalized() throws(Problem) -> RoutingConditions {
        func each(_ values: [String], _ key: CodingKeys) throws(Problem) -> [String] {
            var result: [String] = []
            for value in values {
                let normalized = try Self.normalize(value, for: key)
                if !result.contains(normalized) { result.append(normalized) }
            }
            return result
        }
        if let budget { try Self.check(budget) }
        return RoutingConditions(
            states: try each(states, .states), cities: try each(cities, .cities), zips: try each(zips, .zips),
            zipPrefixes: try each(zipPrefixes, .zipPrefixes), projectTypes: try each(projectTypes, .projectTypes),
            sources: try each(sources, .sources), budget: budget
        )
    }
}
