/// Common English given-name nicknames, for matching people (`Bob` is `Robert`).
///
/// A nickname may belong to several formal names (`Chris`: Christopher, Christina,
/// Christine); matching treats two first names as compatible when they share a formal name.
public enum NicknameTable {
    /// Formal name → nicknames (lowercase).
    static let nicknamesByFormalName: [String: [String]] = [
        "abigail": ["abby", "abbie", "gail"], "alexander": ["alex", "al", "xander", "sasha"],
        "alexandra": ["alex", "alexa", "lexi", "sandra", "sasha"], "albert": ["al", "bert"],
        "alfred": ["al", "alf", "fred"], "allison": ["ally", "allie"], "andrew": ["andy", "drew"],
        "angela": ["angie"], "anthony": ["tony"], "barbara": ["barb", "barbie", "babs"],
        "benjamin": ["ben", "benny", "benji"], "bradley": ["brad"], "catherine": ["cathy", "cat", "kate", "katie", "kay"],
        "katherine": ["kathy", "kate", "katie", "kat", "kay", "kit"], "kathleen": ["kathy", "kate", "katie"],
        "charles": ["charlie", "chuck", "chas", "chaz"], "christina": ["chris", "tina", "christy"],
        "christine": ["chris", "tina", "christy"], "christopher": ["chris", "kit", "topher"],
        "cynthia": ["cindy"], "daniel": ["dan", "danny"], "david": ["dave", "davey"],
        "deborah": ["deb", "debbie", "debby"], "donald": ["don", "donnie"], "dorothy": ["dot", "dottie"],
        "douglas": ["doug"], "edward": ["ed", "eddie", "ted", "ned"], "elizabeth": ["liz", "beth", "betty", "lizzie", "eliza", "betsy", "libby", "ellie"],
        "eleanor": ["ellie", "nell", "nora"], "emily": ["em", "emmy"], "eugene": ["gene"],
        "frances": ["fran", "frannie"], "francis": ["frank", "fran"], "franklin": ["frank"],
        "frederick": ["fred", "freddie"], "gabriel": ["gabe"], "gabrielle": ["gabby"],
        "gerald": ["jerry", "gerry"], "gregory": ["greg"], "harold": ["hal", "harry"], "henry": ["hank", "harry"],
        "isabella": ["bella", "izzy"], "jacob": ["jake"], "james": ["jim", "jimmy", "jamie"],
        "janet": ["jan"], "jeffrey": ["jeff"], "jennifer": ["jen", "jenny", "jenn"],
        "jessica": ["jess", "jessie"], "john": ["jack", "johnny", "jon"], "jonathan": ["jon", "jonny", "nate"],
        "joseph": ["joe", "joey"], "joshua": ["josh"], "judith": ["judy"], "julia": ["julie"],
        "kenneth": ["ken", "kenny"], "kimberly": ["kim"], "lawrence": ["larry"], "leonard": ["leo", "len", "lenny"],
        "margaret": ["maggie", "meg", "peggy", "marge", "margie", "greta"], "matthew": ["matt"],
        "michael": ["mike", "mikey", "mick"], "michelle": ["shelly", "micki"], "nancy": ["nan"],
        "nathan": ["nate"], "nathaniel": ["nate", "nat"], "nicholas": ["nick", "nicky"],
        "nicole": ["nikki", "nicky"], "pamela": ["pam"], "patricia": ["pat", "patty", "trish", "tricia"],
        "patrick": ["pat", "paddy"], "peter": ["pete"], "philip": ["phil"], "phillip": ["phil"],
        "rebecca": ["becky", "becca"], "richard": ["rick", "rich", "dick", "ricky", "richie"],
        "robert": ["bob", "rob", "bobby", "robbie", "bert"], "ronald": ["ron", "ronnie"],
        "samantha": ["sam", "sammy"], "samuel": ["sam", "sammy"], "sandra": ["sandy"],
        "stephanie": ["steph"], "stephen": ["steve"], "steven": ["steve"], "susan": ["sue", "susie", "suzy"],
        "suzanne": ["sue", "suzy"], "teresa": ["terry", "tess"], "theresa": ["terry", "tess"],
        "theodore": ["ted", "teddy", "theo"], "thomas": ["tom", "tommy"], "timothy": ["tim", "timmy"],
        "victoria": ["vicky", "tori"], "vincent": ["vince", "vinny"], "walter": ["walt"],
        "william": ["will", "bill", "billy", "willy", "liam"], "zachary": ["zach", "zack"],
        "valerie": ["val"], "virginia": ["ginny", "ginger"], "raymond": ["ray"],
        "josephine": ["jo", "josie"], "joanne": ["jo"], "carolyn": ["carol", "carrie"], "caroline": ["carrie", "carol"],
        "melissa": ["mel", "missy"], "melanie": ["mel"], "jacqueline": ["jackie"], "johnathan": ["john", "jon"],
        "evelyn": ["evie"], "madeline": ["maddie"], "madison": ["maddie"], "olivia": ["liv"],
    ]

    /// Nickname → formal names.
    static let formalNamesByNickname: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (formal, nicknames) in nicknamesByFormalName {
            for nickname in nicknames { table[nickname, default: []].append(formal) }
        }
        return table.mapValues { $0.sorted() }
    }()

    /// The formal names `name` may stand for, itself included (lowercase, sorted):
    /// `Bob` → `["bob", "robert"]`, `Robert` → `["robert"]`.
    public static func formalNames(for name: String) -> [String] {
        let lower = TextScanning.trimmed(name).lowercased()
        guard !lower.isEmpty else { return [] }
        return Array(Set([lower] + (formalNamesByNickname[lower] ?? []))).sorted()
    }

    /// Whether two given names can be the same person's: equal ignoring case, or one a
    /// nickname of the other, or both nicknames of one formal name (`Liz`/`Beth`).
    public static func areCompatible(_ first: String, _ second: String) -> Bool {
        let a = Set(formalNames(for: first))
        let b = Set(formalNames(for: second))
        return !a.isDisjoint(with: b)
    }

    /// One canonical key for a given name: the alphabetically first formal name it may stand
    /// for (`Bob` → `robert`, `Chris` → `christina`), else the name lowercased. For blocking
    /// keys; use ``areCompatible(_:_:)`` to compare.
    ///
    /// Followed until it settles: `john` is listed as a nickname of `johnathan`, so `Johnny`
    /// → `john` → `johnathan`, the same key as `John` (one step would give `john` and
    /// `johnathan`).
    public static func canonical(_ name: String) -> String {
        var current = TextScanning.trimmed(name).lowercased()
        for _ in 0..<4 {
            guard let next = formalNamesByNickname[current]?.first, next != current else { break }
            current = next
        }
        return current
    }

    /// Every spelling of the name's group: the name itself, the formal names it may stand for
    /// and all their nicknames (lowercase, sorted): `Jim` → `["james", "jamie", "jim",
    /// "jimmy"]`. For tolerating a typo in a nickname (`Jeoy` for `Joey`, a nickname of
    /// `Joseph`).
    public static func variants(of name: String) -> [String] {
        let lower = TextScanning.trimmed(name).lowercased()
        guard !lower.isEmpty else { return [] }
        var result = Set([lower])
        for formal in formalNames(for: lower) {
            result.insert(formal)
            for nickname in nicknamesByFormalName[formal] ?? [] { result.insert(nickname) }
        }
        return result.sorted()
    }
}
