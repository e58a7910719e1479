/// Who the builder is, as mail shows it: the builder's own mailboxes (their staff's
/// addresses, or a whole `@domain`) and the addresses inquiries reach them at. Mail from an
/// own mailbox is the builder's, never a prospect's inquiry; neither kind of address is
/// ever a prospect's email.
///
/// Configured per builder (`lead-intake builders add SLUG --mailbox mike@brennanhomes.example`
/// or `--mailbox @brennanhomes.example`) and handed to extraction with each item.
///
/// An intake address at the builder's own domain (`leads@hillcountryhomes.com`) also makes
/// that domain an own mailbox (``ownDomainsFromIntake``): the staff there are the builder, so
/// a reply-all copied to the intake address is the builder's even when no mailbox was
/// configured. Not an intake domain (the gateway's, shared by every builder) nor a personal
/// mail provider's (`hillcountryhomes@gmail.com` says nothing of other gmail.com addresses).
/// This is derived from configuration, never learned from mail: a sender cannot make
/// itself the builder.
public struct BuilderIdentity: Sendable, Equatable {
    /// Own mailboxes, lowercase: `local@domain`, or `@domain` for every address there.
    public var mailboxes: [String]
    /// The builder's exact intake addresses, lowercase (`*@domain` for a catch-all).
    public var intakeAddresses: [String]
    /// Domains where `anything+SLUG@DOMAIN` is an intake address.
    public var intakeDomains: [String]

    public init(mailboxes: [String] = [], intakeAddresses: [String] = [], intakeDomains: [String] = []) {
        self.mailboxes = mailboxes.map { $0.lowercased() }
        self.intakeAddresses = intakeAddresses.map { $0.lowercased() }
        self.intakeDomains = intakeDomains.map { $0.lowercased() }
    }

    /// The domains of the exact and catch-all intake addresses that are the builder's own:
    /// not an intake domain, not a personal mail provider's. Their addresses are own mailboxes.
    public var ownDomainsFromIntake: [String] {
        intakeAddresses.compactMap { address in
            guard let (_, domain) = Self.parts(address), !intakeDomains.contains(domain),
                  !PersonalMailDomains.contains(domain) else { return nil }
            return domain
        }
    }

    /// Whether nothing is known (extraction then behaves as without an identity).
    public var isEmpty: Bool { mailboxes.isEmpty && intakeAddresses.isEmpty && intakeDomains.isEmpty }

    /// Whether `address` is one of the builder's own mailboxes, configured or at a domain
    /// of ``ownDomainsFromIntake``.
    public func isOwn(_ address: String) -> Bool {
        guard !mailboxes.isEmpty || !intakeAddresses.isEmpty, let (_, domain) = Self.parts(address) else { return false }
        let lower = address.lowercased()
        return mailboxes.contains { $0 == lower || ($0.hasPrefix("@") && $0.dropFirst() == domain) }
            || ownDomainsFromIntake.contains(domain)
    }

    /// Whether `address` is one of the builder's intake addresses (exact, catch-all, or at
    /// an intake domain).
    public func isIntake(_ address: String) -> Bool {
        guard !isEmpty, let (_, domain) = Self.parts(address) else { return false }
        let lower = address.lowercased()
        return intakeAddresses.contains { $0 == lower || $0 == "*@" + domain } || intakeDomains.contains(domain)
    }

    /// Whether `address` is the builder's, either kind.
    public func isBuilders(_ address: String) -> Bool {
        isOwn(address) || isIntake(address)
    }

    /// Whether `value` is `local@domain` or `@domain`: one "@", a domain with an inner dot,
    /// no whitespace and none of `<>*:()[],;"\` (a bracketed `<a@b>`, `mailto:a@b` or the
    /// intake addresses' `*@domain` would match nothing, silently).
    public static func isMailbox(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let domain = parts.last, domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix(".") else {
            return false
        }
        return !value.contains(where: { $0.isWhitespace || "<>*:()[],;\"\\".contains($0) })
    }

    /// Lowercase local part and domain of `address` (after its last "@").
    private static func parts(_ address: String) -> (String, String)? {
        let lower = address.lowercased()
        guard let at = lower.lastIndex(of: "@"), at != lower.startIndex, lower.index(after: at) != lower.endIndex else { return nil }
        return (String(lower[..<at]), String(lower[lower.index(after: at)...]))
    }
}
