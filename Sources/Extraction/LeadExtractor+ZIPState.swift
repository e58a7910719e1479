import LeadModel

extension LeadExtractor {
    /// The rule recorded for a state filled from the ZIP code.
    static let stateFromZIPRule = "heuristic: state from ZIP code"

    /// Settles the finished address's state against its ZIP code, whatever gave them (a
    /// spec's fields, a form, the heuristics, a client referral): run once, after all of
    /// them.
    ///
    /// - A US ZIP without a state gives the state of its 3-digit prefix
    ///   (``ZIPCodePrefixes``), recorded as derived (``stateFromZIPRule``, at the ZIP's own
    ///   location); a prefix naming no state (unassigned, military) gives nothing.
    /// - A state that is there is never replaced. When it is a US state and the ZIP's prefix
    ///   names another, both stay and the lead is flagged: a mistyped ZIP, or a lot across a
    ///   state line, is for a person to tell.
    static func settleState(_ lead: inout ExtractedLead) {
        guard let address = lead.address, let zip = address.postalCode,
              let zipState = ZIPCodePrefixes.state(forZIP: zip) else { return }
        guard let state = address.state else {
            lead.address?.state = zipState
            lead.fields["state"] = FieldProvenance(spec: nil, rule: stateFromZIPRule, location: lead.fields["postal_code"]?.location)
            return
        }
        if state != zipState, USStates.names[state] != nil {
            lead.flagForReview("the state (\(state)) and the ZIP code (\(zip), in \(zipState)) disagree: a mistyped ZIP, or a lot across a state line?")
        }
    }
}
