/// Mail providers where an address is one person's own mailbox: the domain says nothing of
/// who else writes from it (a builder's `hillcountryhomes@gmail.com` does not make every
/// gmail.com address the builder's; a realtor at gmail.com is no brokerage).
public enum PersonalMailDomains {
    public static let all: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "protonmail.com", "proton.me", "comcast.net", "att.net",
        "sbcglobal.net", "verizon.net", "gmx.com",
    ]

    /// Whether `domain` (lowercase) is a personal mail provider's.
    public static func contains(_ domain: String) -> Bool { all.contains(domain) }
}
