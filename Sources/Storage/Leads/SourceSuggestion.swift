public import Foundation
import PostgresNIO

/// An ad-hoc (`other`) source seen often enough at one builder to deserve a parser spec, as
/// `lead-intake parsers suggestions` shows it.
public struct SourceSuggestion: Sendable, Codable, Equatable {
    public let builder: String
    /// What identifies the unknown sender: its domain, or the `lead_source` meta value.
    public let sourceDetail: String
    /// The builder's `other` leads of this detail when last counted.
    public let leadCount: Int
    public let suggestedAt: Date
    /// The inbound item of the newest such lead: its message (`inbox show ID --raw`) is the
    /// first fixture of the spec to write.
    public let latestItemID: UUID?

    enum CodingKeys: String, CodingKey {
        case builder
        case sourceDetail = "source_detail"
        case leadCount = "lead_count"
        case suggestedAt = "suggested_at"
        case latestItemID = "latest_item_id"
    }
}

extension LeadStore {
    /// Suggested sources, most leads first, optionally of one builder.
    public func sourceSuggestions(builderSlug: String? = nil) async throws -> [SourceSuggestion] {
        let rows = try await self.client.query(
            """
            SELECT b.slug, s.source_detail, s.lead_count::int8, s.suggested_at,
                   (SELECT l.created_from_item_id FROM leads l
                    WHERE l.builder_id = s.builder_id AND l.source = 'other' AND l.source_detail = s.source_detail
                    ORDER BY l.created_at DESC, l.id DESC LIMIT 1)
            FROM source_suggestions s JOIN builders b ON b.id = s.builder_id
            WHERE (\(builderSlug)::text IS NULL OR b.slug = \(builderSlug))
            ORDER BY s.lead_count DESC, b.slug, s.source_detail
            """, logger: self.logger)
        var result: [SourceSuggestion] = []
        for try await row in rows.decode((String, String, Int, Date, UUID?).self) {
            result.append(SourceSuggestion(builder: row.0, sourceDetail: row.1, leadCount: row.2, suggestedAt: row.3,
                                           latestItemID: row.4))
        }
        return result
    }
}
