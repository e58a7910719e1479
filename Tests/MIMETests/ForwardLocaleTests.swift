import MIME
import Testing

/// Forwards written by Spanish, French and German clients: translated separators and labels,
/// the French space before the colon, and dates in each client's own words.
@Suite("Forwards in Spanish, French and German")
struct ForwardLocaleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var style: ForwardStyle
        var from: Mailbox
        var date: String
        var subject: String
        var to: [String]
        var body: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Gmail es", text: """
        Te lo reenvío.

        ---------- Mensaje reenviado ---------
        De: Lucía Fernández <lucia@example.es>
        Date: lun, 11 may 2026 a las 9:14
        Subject: Casa nueva
        To: <info@builder.example>

        Hola, queremos construir.
        """, style: .gmail, from: Mailbox(name: "Lucía Fernández", address: "lucia@example.es"),
             date: "lun, 11 may 2026 a las 9:14", subject: "Casa nueva", to: ["info@builder.example"],
             body: "Hola, queremos construir."),
        Case(name: "Gmail fr", text: """
        ---------- Message transféré ---------
        De : Jean Dupont <jean.dupont@example.fr>
        Date : lun. 11 mai 2026 à 09:14
        Objet : Projet de maison
        À : <info@builder.example>

        Bonjour, nous avons un terrain.
        """, style: .gmail, from: Mailbox(name: "Jean Dupont", address: "jean.dupont@example.fr"),
             date: "lun. 11 mai 2026 à 09:14", subject: "Projet de maison", to: ["info@builder.example"],
             body: "Bonjour, nous avons un terrain."),
        Case(name: "Gmail de", text: """
        ---------- Weitergeleitete Nachricht ---------
        Von: Jonas Weber <jonas@example.de>
        Date: Mo., 11. Mai 2026 um 09:14 Uhr
        Subject: Neubau
        To: <info@builder.example>

        Guten Tag, wir planen ein Haus.
        """, style: .gmail, from: Mailbox(name: "Jonas Weber", address: "jonas@example.de"),
             date: "Mo., 11. Mai 2026 um 09:14 Uhr", subject: "Neubau", to: ["info@builder.example"],
             body: "Guten Tag, wir planen ein Haus."),
        Case(name: "Outlook desktop es", text: """
        -----Mensaje original-----
        De: Carlos Ruiz [mailto:carlos@example.mx]
        Enviado el: martes, 12 de mayo de 2026 15:34
        Para: Info <info@builder.example>
        Asunto: Presupuesto

        ¿Cuánto cuesta?
        """, style: .outlookOriginalMessage, from: Mailbox(name: "Carlos Ruiz", address: "carlos@example.mx"),
             date: "martes, 12 de mayo de 2026 15:34", subject: "Presupuesto", to: ["info@builder.example"],
             body: "¿Cuánto cuesta?"),
        Case(name: "Outlook desktop de", text: """
        -----Ursprüngliche Nachricht-----
        Von: Anna Schmidt <anna@example.de>
        Gesendet: Dienstag, 12. Mai 2026 15:34
        An: Info <info@builder.example>
        Betreff: Anfrage Einfamilienhaus

        Bitte rufen Sie an.
        """, style: .outlookOriginalMessage, from: Mailbox(name: "Anna Schmidt", address: "anna@example.de"),
             date: "Dienstag, 12. Mai 2026 15:34", subject: "Anfrage Einfamilienhaus", to: ["info@builder.example"],
             body: "Bitte rufen Sie an."),
        Case(name: "Outlook web fr", text: """
        ________________________________
        De : Claire Martin <claire@example.fr>
        Envoyé : mardi 12 mai 2026 15:34
        À : Info <info@builder.example>
        Objet : Demande de devis

        Merci de me rappeler.
        """, style: .outlookUnderscores, from: Mailbox(name: "Claire Martin", address: "claire@example.fr"),
             date: "mardi 12 mai 2026 15:34", subject: "Demande de devis", to: ["info@builder.example"],
             body: "Merci de me rappeler."),
        Case(name: "Outlook web es", text: """
        ________________________________
        De: Ana Torres <ana@example.es>
        Enviado: martes, 12 de mayo de 2026 15:34
        Para: Info <info@builder.example>
        Asunto: Casa

        Gracias
        """, style: .outlookUnderscores, from: Mailbox(name: "Ana Torres", address: "ana@example.es"),
             date: "martes, 12 de mayo de 2026 15:34", subject: "Casa", to: ["info@builder.example"],
             body: "Gracias"),
        Case(name: "Outlook fr without separator", text: """
        De : Luc Bernard <luc@example.fr>
        Envoyé : mardi 12 mai 2026 15:34
        À : Info
        Objet : Maison

        Texte
        """, style: .headerBlock, from: Mailbox(name: "Luc Bernard", address: "luc@example.fr"),
             date: "mardi 12 mai 2026 15:34", subject: "Maison", to: [""], body: "Texte"),
        Case(name: "Apple Mail fr", text: """
        Début du message réexpédié :

        De: Sophie Leroy <sophie@example.fr>
        Objet: Construction
        Date: 10 mai 2026 à 19:45:12 UTC+2
        À: info@builder.example

        Bonjour
        """, style: .appleMail, from: Mailbox(name: "Sophie Leroy", address: "sophie@example.fr"),
             date: "10 mai 2026 à 19:45:12 UTC+2", subject: "Construction", to: ["info@builder.example"],
             body: "Bonjour"),
        Case(name: "Apple Mail de quoted", text: """
        Von meinem iPhone gesendet

        Anfang der weitergeleiteten Nachricht:

        > Von: Lena Braun <lena@example.de>
        > Betreff: Bauplatz
        > Datum: 10. Mai 2026 um 19:45:12 MESZ
        > An: info@builder.example
        >
        > Hallo
        """, style: .appleMail, from: Mailbox(name: "Lena Braun", address: "lena@example.de"),
             date: "10. Mai 2026 um 19:45:12 MESZ", subject: "Bauplatz", to: ["info@builder.example"],
             body: "Hallo"),
        Case(name: "Apple Mail es", text: """
        Inicio del mensaje reenviado:

        De: Pablo Gil <pablo@example.es>
        Asunto: Terreno
        Fecha: 10 de mayo de 2026, 19:45:12 CEST
        Para: info@builder.example

        Hola
        """, style: .appleMail, from: Mailbox(name: "Pablo Gil", address: "pablo@example.es"),
             date: "10 de mayo de 2026, 19:45:12 CEST", subject: "Terreno", to: ["info@builder.example"],
             body: "Hola"),
        Case(name: "Thunderbird de", text: """
        -------- Weitergeleitete Nachricht --------
        Betreff: \tAngebot
        Datum: \tTue, 12 May 2026 09:41:02 +0200
        Von: \tMax Vogel <max@example.de>
        An: \tinfo@builder.example

        Text
        """, style: .thunderbird, from: Mailbox(name: "Max Vogel", address: "max@example.de"),
             date: "Tue, 12 May 2026 09:41:02 +0200", subject: "Angebot", to: ["info@builder.example"], body: "Text"),
        Case(name: "Yahoo es glued", text: """
        ----- Mensaje reenviado ----- De: Rosa Díaz <rosa@example.es>Para: info@builder.example <info@builder.example>Enviado: lunes, 11 de mayo de 2026 09:14:22 CESTAsunto: Cocina

        Hola
        """, style: .yahoo, from: Mailbox(name: "Rosa Díaz", address: "rosa@example.es"),
             date: "lunes, 11 de mayo de 2026 09:14:22 CEST", subject: "Cocina", to: ["info@builder.example"],
             body: "Hola"),
        Case(name: "Yahoo de glued", text: """
        ----- Weitergeleitete Nachricht ----- Von: Ute Keller <ute@example.de>An: Info <info@builder.example>Gesendet: Montag, 11. Mai 2026, 09:14:22 MESZBetreff: Dachausbau

        Hallo
        """, style: .yahoo, from: Mailbox(name: "Ute Keller", address: "ute@example.de"),
             date: "Montag, 11. Mai 2026, 09:14:22 MESZ", subject: "Dachausbau", to: ["info@builder.example"],
             body: "Hallo"),
    ]

    @Test(arguments: cases)
    func localisedForward(_ example: Case) throws {
        let found = ForwardedOriginal.inlineForwards(in: example.text, subject: "Fwd: x")
        let original = try #require(found.first)
        #expect(found.count == 1)
        #expect(original.style == example.style)
        #expect(original.from == example.from)
        #expect(original.date == example.date)
        #expect(original.subject == example.subject)
        #expect(original.to.map(\.address) == example.to)
        #expect(original.body == example.body)
    }

    @Test func separatorWithoutHeaderBlockIsNoForward() {
        #expect(ForwardedOriginal.inlineForwards(in: "-------- Message original --------\nSujet inconnu\n").isEmpty)
        #expect(ForwardedOriginal.inlineForwards(in: "---------- Mensaje reenviado ---------\n\nHola\n").isEmpty)
    }
}
