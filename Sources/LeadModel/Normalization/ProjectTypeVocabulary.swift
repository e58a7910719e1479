/// Project type phrases → slugs, most specific first. Spanish phrases are written without
/// accents (as many type them), and only those match: `remodelar la cocina`, `construir una
/// casa`, `alberca`.
///
/// Slugs: `custom_home`, `barndominium`, `teardown_rebuild`, `new_build`, `adu`, `addition`,
/// `kitchen_remodel`, `bathroom_remodel`, `basement`, `remodel`, `garage`, `deck_patio`,
/// `pool`, `commercial`.
public enum ProjectTypeVocabulary {
    /// The phrases, in priority order: when a text names several, the first listed wins.
    public static let vocabulary = PhraseVocabulary([
        ("custom_home", ["custom home", "custom house", "custom build", "custom built home",
                         "custom residence", "custom homes",
                         // An adjective between: "a custom estate home", "custom dream home".
                         "custom estate home", "custom luxury home", "custom dream home", "custom family home",
                         "custom ranch home", "custom modern home", "custom farmhouse", "custom designed home",
                         "custom built house", "custom single family home", "custom * home", "custom * house",
                         "casa personalizada", "casa a la medida", "casa a medida"]),
        ("barndominium", ["barndominium", "barndo", "barn home", "shop house"]),
        ("teardown_rebuild", ["teardown", "tear down", "knock down", "knockdown", "demo and rebuild", "scrape and rebuild",
                              // The house they will tear down ("tear it down and build new").
                              "tear * down and build", "tear * down and rebuild", "tearing down", "tearing * down and build",
                              "tearing * down and rebuild", "knock * down and build",
                              "knock * down and rebuild", "demolish * and build", "demolish * and rebuild",
                              "demoler y construir", "demoler y reconstruir", "tumbar la casa"]),
        // An accessory house to build ("build a guest house"), before "build * house" reads
        // it as a home; one listed beside the home ("a home with a guest house") is not this.
        ("adu", ["build a guest house", "build a * guest house", "building a guest house", "build a pool house",
                 "building a pool house", "build a carriage house", "building a carriage house"]),
        ("new_build", ["new build", "new construction", "new home construction", "new home build", "build a new home",
                       "build a home", "build a house", "build a new house", "build our home", "build our house",
                       "building a home", "building a house", "building a new home", "build our new home",
                       "build a single family", "ground up", "build our dream home", "build my dream home",
                       "build a dream home", "new home build",
                       // Not right after "you": "my neighbors had you build their house" is the
                       // builder's past work ("could you build a small house" reads a gap after "a").
                       "build a * home", "build a * house", "build us a * home", "build us a * house", "build my home", "build my house",
                       "build * home|!you", "build * house|!you", "building * home", "building * house",
                       "build * farmhouse", "building * farmhouse",
                       // A size between (`build a 3,000 sq ft home`): more words than a gap holds.
                       "build a * sq ft home", "build a * sq ft house", "build a * sqft home", "build a * sqft house",
                       "build a * square foot home", "build a * square foot house",
                       "building a * sq ft home", "building a * sq ft house", "building a * sqft home",
                       "building a * sqft house", "building a * square foot home", "building a * square foot house",
                       // And its stories (`build a 2500 sq ft 1 story house`; not "a 1,200 sq ft
                       // addition to our home").
                       "build a * sq ft * story home", "build a * sq ft * story house", "building a * sq ft * story home",
                       "building a * sq ft * story house",
                       "construir * casa", "construir * vivienda", "casa nueva", "nueva casa", "construccion nueva",
                       "nueva construccion", "construir en nuestro terreno", "construir en mi terreno"]),
        ("adu", ["adu", "accessory dwelling", "guest house", "guesthouse", "casita", "granny flat", "in law suite",
                 "in law unit", "mother in law suite", "backyard cottage", "garage apartment", "carriage house",
                 // An accessory building by the pool, as a casita is.
                 "pool house"]),
        ("addition", ["home addition", "room addition", "an addition", "second story addition", "second story",
                      "second floor addition", "add a room", "add a bedroom", "add on to", "bump out",
                      "primary suite addition", "master suite addition", "build an addition", "addition|!in",
                      "build on to", "build onto", "add a primary suite", "add a master suite", "add a * suite",
                      "add a second story", "add a second floor", "add a sunroom",
                      "ampliacion", "ampliar * casa", "agregar un cuarto", "agregar una recamara", "segundo piso"]),
        ("kitchen_remodel", ["kitchen remodel", "kitchen renovation", "kitchen remodeling", "remodel our kitchen",
                             "remodel the kitchen", "renovate our kitchen", "renovate the kitchen", "kitchen update",
                             "remodel a kitchen", "renovate a kitchen", "kitchen remodeling",
                             "new kitchen", "kitchen redone", "redo our kitchen", "redo the kitchen", "kitchen redo",
                             "kitchen makeover", "kitchen remodeled", "remodel * kitchen", "redo * kitchen", "remodelar * cocina", "remodelacion de * cocina", "remodelacion de cocina",
                             "renovar * cocina", "cocina nueva"]),
        ("bathroom_remodel", ["bathroom remodel", "bath remodel", "bathroom renovation", "bath renovation",
                              "bathroom remodeling", "remodel our bathroom", "remodel the bathroom", "master bath remodel",
                              "remodel a bathroom", "remodel a bath", "remodel two bathroom", "remodel both bathroom",
                              "remodel 2 bathroom", "remodel our bath", "redo both bath", "redo the bathroom",
                              // An adjective between: "remodel our primary bathroom", "redo our master bath".
                              "remodel * bathroom", "remodel * bath", "redo * bathroom", "redo * bath", "bathroom remodeled",
                              "bath remodeled",
                              "remodelar * bano", "remodelacion de * bano", "remodelacion de bano"]),
        ("basement", ["basement finish", "finish our basement", "finish the basement", "finished basement",
                      "basement remodel", "basement renovation", "basement finishing",
                      "remodel a basement", "finish a basement"]),
        ("remodel", ["remodel", "remodeling", "remodelling", "renovation", "renovate", "renovating", "reno",
                     "whole home remodel", "gut job", "full gut", "restoration", "remodeled",
                     "garage conversion", "convert our garage", "convert the garage", "convert my garage",
                     "remodelar", "remodelacion", "remodelando", "renovar", "renovacion"]),
        // A whole home described by its size or style ("a 4 bed, 3 bath home with ... covered
        // patio", "a 1-story ranch style home ... with a new garage", "3,500 sq ft on our 2
        // acres"): a home to build, over
        // the features it lists below; not one they have or live in, and not over the
        // remodels above.
        ("new_build", ["a * bed * bath home|!have|!has|!own|!in|!is|!bought|!purchased|!sold|!rent|!renting",
                       "a * bed * bath house|!have|!has|!own|!in|!is|!bought|!purchased|!sold|!rent|!renting",
                       "a * bedroom * bath home|!have|!has|!own|!in|!is|!bought|!purchased|!sold|!rent|!renting",
                       "a * bedroom * bath house|!have|!has|!own|!in|!is|!bought|!purchased|!sold|!rent|!renting",
                       "a * ranch style home|!have|!has|!own|!in|!is|!bought|!purchased|!sold|!rent|!renting",
                       // A size put on their land ("About 3,500 sq ft on our 2 acres in Bastrop"):
                       // the home to build there ("our house is 2,000 sq ft on 5 acres" names no
                       // land of theirs after "on").
                       "sq ft on our * lot", "sq ft on our * land", "sq ft on our * property", "sq ft on our * acre",
                       "sq ft on our * acreage", "sq ft on my * lot", "sq ft on my * land", "sq ft on my * property",
                       "sq ft on my * acre", "sq ft on my * acreage", "sqft on our * lot", "sqft on our * land",
                       "sqft on our * property", "sqft on our * acre", "sqft on our * acreage", "sqft on my * lot",
                       "sqft on my * land", "sqft on my * property", "sqft on my * acre", "sqft on my * acreage",
                       "square feet on our * lot", "square feet on our * land", "square feet on our * property",
                       "square feet on our * acre", "square feet on our * acreage", "square feet on my * lot",
                       "square feet on my * land", "square feet on my * property", "square feet on my * acre",
                       "square feet on my * acreage"] + sizedStylePhrases),
        ("garage", ["detached garage", "build a garage", "new garage", "garage build", "cochera", "garaje nuevo",
                    // "add a detached 3-car garage", "a new 2 car garage", "want a garage".
                    "add a * car garage", "build a * car garage", "new * car garage", "want a garage", "need a garage",
                    "add a garage"]),
        // A pool to build, over the deck or outdoor kitchen beside it ("add a pool and
        // outdoor kitchen"); a pool they have ("a deck around our pool") is not one.
        ("pool", ["add a pool", "add a * pool", "adding a pool", "put in a pool", "put in a * pool",
                  "install a pool", "install a * pool", "build a pool", "build a * pool", "building a pool",
                  "new pool", "pool build",
                  // "Looking for a pool, covered patio and outdoor kitchen": the pool named first.
                  "for a pool", "want a pool", "need a pool", "get a pool", "pool installation", "pool construction"]),
        ("deck_patio", ["deck", "patio", "pergola", "outdoor living", "screened porch", "outdoor kitchen", "terraza",
                        "porche",
                        // Not "porch" alone: Porch is a marketplace, named in its own mail.
                        "covered porch", "front porch", "back porch", "wraparound porch", "wrap around porch"]),
        ("pool", ["swimming pool", "pool build", "new pool", "pool", "alberca", "piscina"]),
        ("commercial", ["commercial building", "commercial project", "commercial construction", "office building",
                        "retail space", "tenant improvement"]),
        // Last: a plan to build that names no kind of building ("build a 4 bed / 3 bath",
        // "want to build in Round Rock"); any type named above is more specific and wins.
        ("new_build", ["build a * bed * bath", "build a * bedroom * bath", "building a * bed * bath",
                       "building a * bedroom * bath", "new home built", "new house built",
                       "want to build in", "like to build in", "looking to build in", "planning to build in",
                       "plan to build in", "hoping to build in",
                       // A home they plan ("starting to plan a single-story home").
                       "plan a * home", "planning a * home", "plan a * house", "planning a * house",
                       "plan our * home", "planning our * home", "plan our * house", "planning our * house",
                       // On their land ("want to build on our 2 acres"); onto a house is an addition.
                       "want to build on", "like to build on", "looking to build on", "planning to build on",
                       "plan to build on", "hoping to build on", "interested in building on", "interested in building in",
                       "build on our lot", "building on our lot", "build on our land", "building on our land",
                       "build on our property", "building on our property"]),
        ("teardown_rebuild", ["need to rebuild", "rebuild * home", "rebuild * house"]),
    ], negations: ["not", "no", "don't", "dont", "nor"], key: .projectType)

    /// A home to build told by its size and style, with no word for the building ("build a
    /// 3,400 sq ft hill country modern"): a garage or addition of that size names its own.
    private static var sizedStylePhrases: [String] {
        let styles = ["modern", "farmhouse", "ranch", "craftsman", "contemporary", "colonial", "cottage", "bungalow",
                      "cabin", "tudor", "traditional", "transitional"]
        return ["build", "building"].flatMap { verb in
            ["sq ft", "sqft"].flatMap { unit in styles.map { "\(verb) a * \(unit) * \($0)" } }
        }
    }

    /// The rank of a whole home described by its size ("a 4 bed, 3 bath home"): a home told
    /// by its rooms alone (no word for it) ranks there too, under the projects named before.
    package static let describedHomeRank: Int = vocabulary.entries.firstIndex {
        $0.words.count > 2 && $0.words[0] == "a" && $0.words[2] == "bed"
    }!

    /// What a home told by its rooms and size needs among a text's words: a unit of area
    /// (`sq ft`, `sqft`, `square feet`, `sf`) standing as a word.
    package static let describedHomeRequirements = FreeTextRequirements(alternatives: ["sq", "sqft", "square", "sf"].map {
        [FreeTextRequirements.Word(text: $0, stemmed: true)]
    })

    /// Projects that are also features a home to build lists ("3 car garage, covered patio").
    package static let homeFeatureSlugs: Set<String> = ["garage", "deck_patio", "pool"]

    /// Slugs, for validating a spec's constant.
    public static let slugs: Set<String> = Set(vocabulary.entries.map(\.slug))
}
