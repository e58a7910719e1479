import LeadModel
import Testing

/// A Spanish compound given name stays whole: `María José García López` is María José, not
/// María with the last name José García López. Other second words stay a first surname.
@Suite("Normalisation: Spanish compound given names")
struct CompoundGivenNameTests {
    @Test(arguments: [
        ("María José García López", "María José", "García López"),
        ("Maria Jose Garcia Lopez", "Maria Jose", "Garcia Lopez"),
        ("MARIA JOSE GARCIA", "Maria Jose", "Garcia"),
        ("Juan Carlos Rodríguez", "Juan Carlos", "Rodríguez"),
        ("José Luis Martínez Peña", "José Luis", "Martínez Peña"),
        ("Garcia Lopez, Maria Jose", "Maria Jose", "Garcia Lopez"),
        // A second word that is no given name in the table: a first surname.
        ("Maria Gonzalez Ruiz", "Maria", "Gonzalez Ruiz"),
        ("Beth Ann Marsh", "Beth", "Ann Marsh"),
        // Two words: the second is the surname (Carlos is one too).
        ("Juan Carlos", "Juan", "Carlos"),
    ])
    func compoundGivenName(_ written: String, _ first: String, _ last: String) {
        let name = PersonNameNormalizer.parse(written)
        #expect(name?.first == first && name?.last == last, "\(written): \(String(describing: name))")
    }
}
