public import Foundation
public import LeadModel

extension ExtractionOutcome {
    /// The outcome as the JSON that `lead-intake parse FILE` prints and the golden files hold:
    /// keys sorted, pretty-printed, slashes unescaped, ending with a newline.
    ///
    /// Shape: one flat object, `{"address": ..., "budget_high": ..., ..., "ignored_reason":
    /// null|"...", "is_lead": true|false, ...}`, with every lead key present (`null` when not
    /// found); see ``LeadModel/ExtractionOutcome``.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
