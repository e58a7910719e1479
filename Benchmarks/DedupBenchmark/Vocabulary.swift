/// Names, streets and places for the generator: common US given names (with the nicknames
/// people actually write), a surname list in rough frequency order (so namesakes happen), and
/// a few metros with their cities, ZIPs and area codes.
enum Vocabulary {
    /// Given name → the nicknames a person with it might write (empty: none).
    static let givenNames: [(String, [String])] = [
        ("James", ["Jim", "Jimmy"]), ("Mary", []), ("Robert", ["Bob", "Rob", "Bobby"]), ("Patricia", ["Pat", "Patty", "Trish"]),
        ("John", ["Jack", "Johnny"]), ("Jennifer", ["Jen", "Jenny"]), ("Michael", ["Mike"]), ("Linda", []),
        ("David", ["Dave"]), ("Elizabeth", ["Liz", "Beth", "Betsy"]), ("William", ["Will", "Bill", "Billy"]), ("Barbara", ["Barb"]),
        ("Richard", ["Rick", "Rich"]), ("Susan", ["Sue", "Susie"]), ("Joseph", ["Joe", "Joey"]), ("Jessica", ["Jess"]),
        ("Thomas", ["Tom", "Tommy"]), ("Sarah", []), ("Christopher", ["Chris"]), ("Karen", []),
        ("Charles", ["Charlie", "Chuck"]), ("Lisa", []), ("Daniel", ["Dan", "Danny"]), ("Nancy", []),
        ("Matthew", ["Matt"]), ("Betty", []), ("Anthony", ["Tony"]), ("Sandra", ["Sandy"]),
        ("Mark", []), ("Margaret", ["Maggie", "Peggy"]), ("Donald", ["Don"]), ("Ashley", []),
        ("Steven", ["Steve"]), ("Kimberly", ["Kim"]), ("Andrew", ["Andy", "Drew"]), ("Emily", []),
        ("Paul", []), ("Donna", []), ("Joshua", ["Josh"]), ("Michelle", []),
        ("Kenneth", ["Ken", "Kenny"]), ("Carol", []), ("Kevin", []), ("Amanda", []),
        ("Brian", []), ("Melissa", ["Missy"]), ("George", []), ("Deborah", ["Deb", "Debbie"]),
        ("Timothy", ["Tim"]), ("Stephanie", ["Steph"]), ("Ronald", ["Ron"]), ("Rebecca", ["Becky"]),
        ("Jason", []), ("Laura", []), ("Edward", ["Ed", "Eddie", "Ted"]), ("Sharon", []),
        ("Jeffrey", ["Jeff"]), ("Cynthia", ["Cindy"]), ("Ryan", []), ("Kathleen", ["Kathy", "Katie"]),
        ("Jacob", ["Jake"]), ("Amy", []), ("Gary", []), ("Angela", ["Angie"]),
        ("Nicholas", ["Nick"]), ("Shirley", []), ("Eric", []), ("Anna", []),
        ("Jonathan", ["Jon"]), ("Brenda", []), ("Stephen", ["Steve"]), ("Pamela", ["Pam"]),
        ("Larry", []), ("Emma", []), ("Justin", []), ("Nicole", ["Nikki"]),
        ("Scott", []), ("Helen", []), ("Brandon", []), ("Samantha", ["Sam"]),
        ("Benjamin", ["Ben"]), ("Katherine", ["Kate", "Kathy", "Katie"]), ("Samuel", ["Sam"]), ("Christine", ["Chris", "Tina"]),
        ("Gregory", ["Greg"]), ("Debra", []), ("Alexander", ["Alex"]), ("Rachel", []),
        ("Frank", []), ("Carolyn", ["Carol"]), ("Patrick", ["Pat"]), ("Janet", []),
        ("Raymond", ["Ray"]), ("Catherine", ["Cathy", "Kate"]), ("Jack", []), ("Maria", []),
        ("Dennis", []), ("Heather", []), ("Jerry", []), ("Diane", []),
        ("Tyler", []), ("Ruth", []), ("Aaron", []), ("Julie", []),
        ("Jose", []), ("Olivia", []), ("Adam", []), ("Joyce", []),
        ("Nathan", ["Nate"]), ("Virginia", ["Ginny"]), ("Henry", ["Hank"]), ("Victoria", ["Tori"]),
        ("Douglas", ["Doug"]), ("Kelly", []), ("Zachary", ["Zach"]), ("Lauren", []),
        ("Peter", ["Pete"]), ("Christina", ["Tina"]), ("Kyle", []), ("Joan", []),
        ("Walter", ["Walt"]), ("Evelyn", []), ("Ethan", []), ("Judith", ["Judy"]),
        ("Jeremy", []), ("Megan", []), ("Harold", ["Harry"]), ("Andrea", []),
        ("Keith", []), ("Cheryl", []), ("Christian", []), ("Hannah", []),
        ("Roger", []), ("Jacqueline", ["Jackie"]), ("Noah", []), ("Martha", []),
        ("Gerald", ["Jerry"]), ("Gloria", []), ("Carl", []), ("Teresa", ["Terry"]),
        ("Terry", []), ("Ann", []), ("Sean", []), ("Sara", []),
        ("Austin", []), ("Madison", ["Maddie"]), ("Arthur", []), ("Frances", ["Fran"]),
        ("Lawrence", ["Larry"]), ("Kathryn", []), ("Dylan", []), ("Janice", []),
        ("Jesse", []), ("Jean", []), ("Jordan", []), ("Abigail", ["Abby"]),
        ("Bryan", []), ("Alice", []), ("Billy", []), ("Judy", []),
        ("Joe", []), ("Sophia", []), ("Bruce", []), ("Grace", []),
        ("Gabriel", ["Gabe"]), ("Denise", []), ("Logan", []), ("Amber", []),
        ("Albert", ["Al"]), ("Doris", []), ("Willie", []), ("Marilyn", []),
        ("Alan", []), ("Danielle", []), ("Juan", []), ("Beverly", []),
        ("Wayne", []), ("Isabella", ["Bella"]), ("Elijah", []), ("Theresa", ["Tess"]),
        ("Randy", []), ("Diana", []), ("Roy", []), ("Natalie", []),
        ("Vincent", ["Vince"]), ("Brittany", []), ("Ralph", []), ("Charlotte", []),
        ("Eugene", ["Gene"]), ("Marie", []), ("Russell", []), ("Kayla", []),
        ("Bobby", []), ("Alexis", []), ("Mason", []), ("Lori", []),
        ("Philip", ["Phil"]), ("Priya", []), ("Wei", []), ("Carlos", []), ("Aaliyah", []), ("DeShawn", []),
        ("Mohammed", []), ("Olga", []), ("Hiroshi", []), ("Mei", []), ("Rajesh", []), ("Ananya", []),
        ("Luis", []), ("Sofia", []), ("Miguel", []), ("Valentina", []), ("Chen", []), ("Fatima", []),
    ]

    static let surnames: [String] = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
        "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
        "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
        "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
        "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
        "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
        "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham",
        "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson",
        "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens",
        "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen",
        "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter",
        "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks",
        "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox",
        "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens",
        "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins",
        "Arnold", "Pierce", "Vazquez", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott",
        "Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Alvarado", "Ray",
        "Delgado", "Berry", "Perkins", "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Contreras", "Willis",
        "Carpenter", "Lawrence", "Sandoval", "Guerrero", "George", "Chapman", "Rios", "Estrada", "Ortega", "Watkins",
        "Greene", "Nunez", "Wheeler", "Valdez", "Harper", "Burke", "Larson", "Santiago", "Maldonado", "Morrison",
        "Franklin", "Carlson", "Austin", "Dominguez", "Carr", "Lawson", "Jacobs", "O'Brien", "Lynch", "Singh",
        "Vega", "Bishop", "Montgomery", "Oliver", "Jensen", "Harvey", "Williamson", "Gilbert", "Dean", "Sims",
        "Espinoza", "Howell", "Li", "Wong", "Reid", "Hanson", "Le", "McCoy", "Garrett", "Burton",
        "Fuller", "Wang", "Weber", "Welch", "Rojas", "Lucas", "Marquez", "Fields", "Park", "Yang",
        "Little", "Banks", "Padilla", "Day", "Walsh", "Bowman", "Schultz", "Luna", "Fowler", "Mejia",
        "Davidson", "Acosta", "Brewer", "May", "Holland", "Juarez", "Newman", "Pearson", "Curtis", "Cortez",
        "Douglas", "Schneider", "Joseph", "Barrett", "Navarro", "Figueroa", "Keller", "Avila", "Wade", "Molina",
        "Stanley", "Hopkins", "Campos", "Barnett", "Bates", "Chambers", "Caldwell", "Beck", "Lambert", "Miranda",
        "Byrd", "Craig", "Ayala", "Lowe", "Frazier", "Powers", "Neal", "Leonard", "Gregory", "Carrillo",
        "Sutton", "Fleming", "Rhodes", "Shelton", "Schwartz", "Norris", "Jennings", "Watts", "Duran", "Walters",
        "Cohen", "McDaniel", "Moran", "Parks", "Steele", "Vaughn", "Becker", "Holt", "DeLeon", "Barker",
        "Terry", "Hale", "Leon", "Hail", "Benson", "Haynes", "Horton", "Miles", "Lyons", "Pham",
        "Graves", "Bush", "Thornton", "Wolfe", "Warner", "Cabrera", "McKinney", "Mann", "Zimmerman", "Dawson",
        "Lara", "Fletcher", "Page", "McCarthy", "Love", "Robles", "Cervantes", "Solis", "Erickson", "Reeves",
        "Chang", "Klein", "Salinas", "Fuentes", "Baldwin", "Daniel", "Simon", "Velasquez", "Hardy", "Higgins",
        "Van der Berg", "Nakamura", "Kowalski", "Okafor", "Abernathy", "Quintanilla", "Szymanski", "Fitzgerald", "Oyelaran", "Vandermeer",
    ]

    static let streetNames: [String] = [
        "Oak Hollow", "Maple", "Cedar Ridge", "Willow Creek", "Pecan", "Elm", "Main", "Hillside", "Lakeview", "Sunset",
        "River Bend", "Meadow", "Spring Valley", "Stone Gate", "Bluebonnet", "Magnolia", "Cypress", "Juniper", "Aspen", "Sycamore",
        "Falcon", "Eagle Crest", "Windmill", "Prairie", "Canyon", "Ranch", "Quail Run", "Fox Chase", "Hawthorne", "Walnut",
        "Chestnut", "Dogwood", "Briar", "Heritage", "Mission", "Pinecrest", "Timber", "Shady Oaks", "Granite", "Harvest",
        "Live Oak", "Mesa", "Saddle Ridge", "Brushy Creek", "Red Bud", "Lone Star", "Summit", "Highland", "Park", "Lake",
    ]

    /// (full suffix, abbreviation).
    static let streetSuffixes: [(String, String)] = [
        ("Street", "St"), ("Drive", "Dr"), ("Lane", "Ln"), ("Road", "Rd"), ("Court", "Ct"), ("Avenue", "Ave"),
        ("Trail", "Trl"), ("Boulevard", "Blvd"), ("Circle", "Cir"), ("Way", "Way"), ("Cove", "Cv"), ("Place", "Pl"),
    ]

    static let directionals: [(String, String)] = [("North", "N"), ("South", "S"), ("East", "E"), ("West", "W")]

    struct City {
        var name: String
        var zips: [String]
    }

    struct Metro {
        var state: String
        var areaCodes: [String]
        var cities: [City]
    }

    static let metros: [Metro] = [
        Metro(state: "TX", areaCodes: ["512", "737"], cities: [
            City(name: "Austin", zips: ["78704", "78745", "78749", "78731", "78759"]), City(name: "Round Rock", zips: ["78664", "78665", "78681"]),
            City(name: "Cedar Park", zips: ["78613"]), City(name: "Georgetown", zips: ["78626", "78628", "78633"]),
            City(name: "Pflugerville", zips: ["78660"]), City(name: "Leander", zips: ["78641"]), City(name: "Dripping Springs", zips: ["78620"]),
        ]),
        Metro(state: "CO", areaCodes: ["303", "720"], cities: [
            City(name: "Denver", zips: ["80202", "80205", "80210", "80220"]), City(name: "Aurora", zips: ["80010", "80012", "80013"]),
            City(name: "Lakewood", zips: ["80226", "80227"]), City(name: "Littleton", zips: ["80120", "80123"]),
            City(name: "Castle Rock", zips: ["80104", "80108"]), City(name: "Parker", zips: ["80134", "80138"]),
        ]),
        Metro(state: "NC", areaCodes: ["919", "984"], cities: [
            City(name: "Raleigh", zips: ["27603", "27606", "27609", "27615"]), City(name: "Cary", zips: ["27511", "27513", "27519"]),
            City(name: "Apex", zips: ["27502", "27523"]), City(name: "Wake Forest", zips: ["27587"]),
            City(name: "Holly Springs", zips: ["27540"]), City(name: "Durham", zips: ["27701", "27705", "27713"]),
        ]),
        Metro(state: "AZ", areaCodes: ["480", "602", "623"], cities: [
            City(name: "Phoenix", zips: ["85016", "85018", "85020", "85028"]), City(name: "Scottsdale", zips: ["85251", "85254", "85260"]),
            City(name: "Mesa", zips: ["85201", "85203", "85205"]), City(name: "Gilbert", zips: ["85233", "85234", "85296"]),
            City(name: "Chandler", zips: ["85224", "85226", "85248"]), City(name: "Peoria", zips: ["85345", "85382"]),
        ]),
        Metro(state: "TN", areaCodes: ["615", "629"], cities: [
            City(name: "Nashville", zips: ["37203", "37205", "37206", "37212"]), City(name: "Franklin", zips: ["37064", "37067", "37069"]),
            City(name: "Brentwood", zips: ["37027"]), City(name: "Murfreesboro", zips: ["37128", "37129", "37130"]),
            City(name: "Hendersonville", zips: ["37075"]), City(name: "Mount Juliet", zips: ["37122"]),
        ]),
        Metro(state: "ID", areaCodes: ["208", "986"], cities: [
            City(name: "Boise", zips: ["83702", "83704", "83706", "83709"]), City(name: "Meridian", zips: ["83642", "83646"]),
            City(name: "Nampa", zips: ["83651", "83686", "83687"]), City(name: "Eagle", zips: ["83616"]),
            City(name: "Kuna", zips: ["83634"]), City(name: "Star", zips: ["83669"]),
        ]),
        Metro(state: "FL", areaCodes: ["813", "727"], cities: [
            City(name: "Tampa", zips: ["33602", "33606", "33611", "33629"]), City(name: "Brandon", zips: ["33510", "33511"]),
            City(name: "Riverview", zips: ["33569", "33578", "33579"]), City(name: "Lutz", zips: ["33548", "33549", "33558"]),
            City(name: "Wesley Chapel", zips: ["33543", "33544", "33545"]), City(name: "Clearwater", zips: ["33755", "33756", "33761"]),
        ]),
        Metro(state: "GA", areaCodes: ["404", "770", "678"], cities: [
            City(name: "Atlanta", zips: ["30305", "30306", "30307", "30318"]), City(name: "Marietta", zips: ["30060", "30062", "30064"]),
            City(name: "Alpharetta", zips: ["30004", "30005", "30009"]), City(name: "Roswell", zips: ["30075", "30076"]),
            City(name: "Decatur", zips: ["30030", "30033"]), City(name: "Peachtree City", zips: ["30269"]),
        ]),
    ]

    static let personalDomains: [(String, Double)] = [
        ("gmail.com", 0.46), ("yahoo.com", 0.14), ("outlook.com", 0.06), ("hotmail.com", 0.06), ("icloud.com", 0.07),
        ("aol.com", 0.03), ("comcast.net", 0.04), ("att.net", 0.03), ("me.com", 0.02), ("protonmail.com", 0.01),
    ]
    static let workDomains = ["dell.com", "ibm.com", "utexas.edu", "stateoftexas.gov", "kw.com", "wellsfargo.com", "hca.com", "amazon.com"]

    /// Marketplaces that relay email and proxy phones.
    static let marketplaces: [(source: String, relayDomain: String)] = [
        ("zillow", "convo.zillow.com"), ("houzz", "messages.houzz.com"), ("angi", "leads.angi.com"),
        ("yelp", "messaging.yelp.com"), ("thumbtack", "reply.thumbtack.com"),
    ]

    /// Unflagged shared senders that appear on many leads (the no-reply of a listing portal).
    static let portalNoReply = "noreply@leads.newhomesource.com"
}

import Foundation
