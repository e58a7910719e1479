import Extraction
import Testing

@Suite("Name splitting")
struct PersonNameSplitterTests {
    @Test(arguments: [
        ("Jane Doe", "Jane", "Doe"),
        ("Jane Q. Doe", "Jane", "Q. Doe"),
        ("Doe, Jane", "Jane", "Doe"),
        ("Hernandez, Carlos", "Carlos", "Hernandez"),
        ("  Mary   Ann  Smith ", "Mary", "Ann Smith"),
        ("Dr. Alan Grant", "Alan", "Grant"),
        ("John Smith, Jr.", "John", "Smith, Jr."),
        ("\"Maria Gonzalez\"", "Maria", "Gonzalez"),
        ("José Martínez", "José", "Martínez"),
    ])
    func splits(_ name: String, _ first: String, _ last: String) {
        let result = PersonNameSplitter.split(name)
        #expect(result.first == first)
        #expect(result.last == last)
    }

    @Test func singleTokenIsFirstNameOnly() {
        let result = PersonNameSplitter.split("Cher")
        #expect(result.first == "Cher")
        #expect(result.last == nil)
    }

    @Test(arguments: [nil, "", "   ", "jane@example.com"] as [String?])
    func nothingUsable(_ name: String?) {
        let result = PersonNameSplitter.split(name)
        #expect(result.first == nil)
        #expect(result.last == nil)
    }
}
