import LeadModel

extension RoutingConditions {
    /// The result of checking a lead against a rule's conditions.
    enum Outcome: Equatable {
        /// Every condition held; one phrase per condition ("ZIP 78704 starts with 787").
        case held([String])
        /// The first condition that failed, as a short phrase ("project type remodel not listed").
        case failed(String)
    }

    /// Checks `input` against every condition, in the order states, cities, ZIP, project type,
    /// source, budget.
    func evaluate(_ input: RoutingInput) -> Outcome {
        var held: [String] = []

        if !states.isEmpty {
            guard let raw = input.state, let state = Self.state(raw) else {
                return .failed(input.state == nil ? "no state on the lead" : "state '\(input.state!)' not recognised")
            }
            guard states.contains(state) else { return .failed("state \(state) not in \(list(states))") }
            held.append("state \(state) is listed")
        }

        if !cities.isEmpty {
            guard let city = input.city, !Self.cityKey(city).isEmpty else { return .failed("no city on the lead") }
            let key = Self.cityKey(city)
            guard cities.contains(where: { Self.cityKey($0) == key }) else {
                return .failed("city \(city) not in \(list(cities))")
            }
            held.append("city \(city) is listed")
        }

        if !zips.isEmpty || !zipPrefixes.isEmpty {
            guard let raw = input.postalCode, let zip = PostalCodeNormalizer.zip5(raw) else {
                return .failed(input.postalCode == nil ? "no ZIP on the lead" : "ZIP '\(input.postalCode!)' not a US ZIP")
            }
            if zips.contains(zip) {
                held.append("ZIP \(zip) is listed")
            } else if let prefix = zipPrefixes.first(where: { zip.hasPrefix($0) }) {
                held.append("ZIP \(zip) starts with \(prefix)")
            } else {
                let wanted = zips + zipPrefixes.map { "\($0)…" }
                return .failed("ZIP \(zip) not in \(list(wanted))")
            }
        }

        if !projectTypes.isEmpty {
            guard let raw = input.projectType, !Self.slug(raw).isEmpty else { return .failed("no project type on the lead") }
            let type = Self.slug(raw)
            guard projectTypes.contains(type) else { return .failed("project type \(type) not in \(list(projectTypes))") }
            held.append("project type \(type) is listed")
        }

        if !sources.isEmpty {
            guard let raw = input.source, !Self.slug(raw).isEmpty else { return .failed("no source on the lead") }
            let source = Self.slug(raw)
            guard sources.contains(source) else { return .failed("source \(source) not in \(list(sources))") }
            held.append("source \(source) is listed")
        }

        if let budget {
            let leadBudget = Money.range(low: input.budgetLow, high: input.budgetHigh)
            switch budget.overlaps(low: input.budgetLow, high: input.budgetHigh) {
            case nil: return .failed("no budget on the lead (rule wants \(budget.description))")
            case false?: return .failed("budget \(leadBudget) outside \(budget.description)")
            case true?: held.append("budget \(leadBudget) overlaps \(budget.description)")
            }
        }

        return .held(held)
    }

    private func list(_ values: [String]) -> String {
        let shown = values.prefix(6).joined(separator: ", ")
        return values.count > 6 ? "[\(shown), +\(values.count - 6) more]" : "[\(shown)]"
    }
}
