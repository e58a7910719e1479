import Foundation
import Matching

let builderA = UUID(uuidString: "00000000-0000-4000-8000-0000000000AA")!
let builderB = UUID(uuidString: "00000000-0000-4000-8000-0000000000BB")!

/// A record with a readable id (`person(1)` → `…0001`).
func person(
    _ number: Int, builder: UUID = builderA,
    first: String? = nil, last: String? = nil, suffix: String? = nil,
    email: String? = nil, phone: String? = nil,
    street: String? = nil, city: String? = nil, state: String? = nil, zip: String? = nil,
    emailRelay: Bool = false, phoneRelay: Bool = false
) -> PersonRecord {
    PersonRecord(
        id: UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", number))!, builderID: builder,
        firstName: first, lastName: last, suffix: suffix, email: email, phone: phone,
        street: street, city: city, state: state, postalCode: zip,
        isEmailRelay: emailRelay, isPhoneRelay: phoneRelay
    )
}

/// Key frequencies as the storage layer would answer them: every key shared by the given
/// candidates counts the candidates carrying it, unless overridden (a value on many leads).
func frequencies(of candidates: [PersonRecord], overrides: [MatchKey.Kind: Int] = [:]) -> (MatchKey) -> Int {
    var counts: [MatchKey: Int] = [:]
    for candidate in candidates {
        for key in Set(BlockingKeys.keys(for: candidate)) { counts[key, default: 0] += 1 }
    }
    return { key in overrides[key.kind] ?? counts[key] ?? 0 }
}
