import Extraction
import Foundation
import LeadModel
import MIME

/// `--scaling yes`: parse and extraction time of hostile messages of one shape at 16 KiB,
/// 128 KiB and 1 MiB. Linear code takes about 8x as long for 8x the input; a shape whose
/// extraction grows more than 16x per 8x step is flagged (quadratic would be 64x). The MIME
/// parse is already known to be linear (mime-bench --scaling): here the question is whether
/// classification, spec rules, normalisers and heuristics stay linear on what it hands them.
enum ExtractionScaling {
    /// A hostile shape: the headers, then `prefix`, `unit` repeated to the size, `suffix`.
    struct Shape {
        var name: String
        var headers: String
        var prefix: [UInt8] = []
        var unit: [UInt8]
        var suffix: [UInt8] = []
        /// The repeated unit goes into the Subject header instead of the body.
        var inSubject = false

        func message(bytes target: Int) -> [UInt8] {
            let count = max(1, target / max(unit.count, 1))
            var repeated: [UInt8] = []
            repeated.reserveCapacity(count * unit.count)
            for _ in 0..<count { repeated += unit }
            if inSubject {
                return Array("\(headers)Subject: ".utf8) + repeated + Array("\r\n\r\n".utf8) + prefix + suffix
            }
            return Array(headers.utf8) + Array("\r\n".utf8) + prefix + repeated + suffix
        }
    }

    static let stranger = "From: Sam Stranger <sam@stranger.example>\r\nTo: office@builder.example\r\nSubject: hello\r\nMIME-Version: 1.0\r\n"
    static func plain(_ charset: String = "utf-8") -> String {
        stranger + "Content-Type: text/plain; charset=\(charset)\r\nContent-Transfer-Encoding: 8bit\r\n"
    }
    static let html = stranger + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
    static func u(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let words = "we would like a quote for a kitchen remodel and new cabinets soon "
    static let inquiry = """
        Hi, my name is Karen Whitfield and I am looking for a contractor to remodel our kitchen \
        and two bathrooms at 1234 Oak Hollow Drive, Austin, TX 78738. Our budget is around $45k \
        to $60,000 and we would like to start in the next 3 months, ideally before March. \
        You can reach me at (512) 555-0134 or karen.whitfield@example.com. Thanks!\n
        """

    static let houzzHeaders = "From: Houzz <noreply@houzz.com>\r\nTo: office@builder.example\r\nSubject: New lead from Karen Whitfield\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
    static let houzzTop = u("You have a new lead!\n\nKaren Whitfield is interested in working with you.\n\nProject details\nProject Type: New Home Construction\nBudget: $750,000 - $1,000,000\nZip Code: 78738\n\nContact details\nName: Karen Whitfield\nEmail: karen.whitfield@example.com\nPhone: (512) 555-0134\n\nMessage:\n")
    static let houzzHTMLHeaders = "From: Houzz <noreply@houzz.com>\r\nTo: office@builder.example\r\nSubject: New lead from Karen Whitfield\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n"
    static let thumbtackHeaders = "From: Thumbtack <no-reply@thumbtack.com>\r\nReply-To: Rachel Kim <reply+f31c88a0d2b94e7a@messages.thumbtack.com>\r\nTo: bids@builder.example\r\nSubject: New direct lead: Rachel Kim needs Home Additions\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
    static let yelpHeaders = "From: Yelp <no-reply@yelp.com>\r\nTo: office@builder.example\r\nSubject: New lead: Karen is requesting a quote\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
    static let zillowHeaders = "From: Zillow <no-reply@zillow.com>\r\nTo: office@builder.example\r\nSubject: Karen is requesting information about 12 Oak St\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
    static let nextdoorHeaders = "From: Nextdoor <no-reply@nextdoor.com>\r\nTo: office@builder.example\r\nSubject: Karen requested a quote\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
    static let angiHeaders = "From: Angi Leads <leads@angi.com>\r\nTo: office@builder.example\r\nSubject: New lead: kitchen remodel\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
    static let directHeaders = "From: Karen Whitfield <karen.whitfield@example.com>\r\nTo: office@builder.example\r\nSubject: Kitchen remodel quote\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"

    static let shapes: [Shape] = [
        Shape(name: "plain: one long line of words", headers: plain(), unit: u(words)),
        Shape(name: "html: one long line of words", headers: html, prefix: u("<html><body><p>"), unit: u(words)),
        Shape(name: "plain: many short lines", headers: plain(), unit: u("see you soon\n")),
        Shape(name: "plain: one long line, no spaces", headers: plain(), unit: u("abcdefghij")),
        Shape(name: "html: one long line, no spaces", headers: html, prefix: u("<p>"), unit: u("abcdefghij")),
        Shape(name: "plain: digits, no spaces", headers: plain(), unit: u("0123456789")),
        Shape(name: "plain: digit groups", headers: plain(), unit: u("12 345 6789 ")),
        Shape(name: "plain: phone-like runs", headers: plain(), unit: u("(512) 555-0134 ")),
        Shape(name: "plain: $ amounts with k and M", headers: plain(), unit: u("$5k $1.2M $750,000 - ")),
        Shape(name: "plain: many @ tokens", headers: plain(), unit: u("a@b.example @ @@x @y.z ")),
        Shape(name: "plain: many Label: value lines", headers: plain(), unit: u("Name: Karen Whitfield\nPhone: (512) 555-0134\nBudget: $45k\nAddress: 12 Oak St\n")),
        Shape(name: "plain: label with a huge value", headers: plain(), prefix: u("Message: "), unit: u(words)),
        Shape(name: "plain: Gmail forward chain", headers: plain(),
              unit: u("---------- Forwarded message ---------\nFrom: Karen Whitfield <karen@example.com>\nDate: Tue, Oct 6, 2026 at 8:12 AM\nSubject: Fwd: kitchen\nTo: <office@builder.example>\n\n")),
        Shape(name: "plain: Outlook forward chain", headers: plain(),
              unit: u("-----Original Message-----\nFrom: Karen Whitfield <karen@example.com>\nSent: Tuesday, October 6, 2026 8:12 AM\nTo: office@builder.example\nSubject: RE: kitchen\n\nok\n")),
        Shape(name: "plain: > quoting 1,000 deep", headers: plain(), unit: u(String(repeating: ">", count: 1_000) + " we need a quote\n")),
        Shape(name: "html: nested divs", headers: html, unit: u("<div>a")),
        Shape(name: "html: table rows with label cells", headers: html, prefix: u("<table>"),
              unit: u("<tr><td>Name</td><td>Karen Whitfield</td></tr><tr><td>Phone:</td><td>(512) 555-0134</td></tr>"), suffix: u("</table>")),
        Shape(name: "html: many lead_ meta tags", headers: html, prefix: u("<html><head>"),
              unit: u("<meta name=\"lead_name\" content=\"Karen Whitfield\"><meta name=\"lead_phone\" content=\"5125550134\">"), suffix: u("</head><body>hi</body></html>")),
        Shape(name: "html: many display:none elements", headers: html,
              unit: u("<span style=\"display:none\">hidden text</span>seen ")),
        Shape(name: "header: long Subject of words", headers: plain(), unit: u(words), suffix: u("body\n"), inSubject: true),
        Shape(name: "plain: UTF-8 CJK text", headers: plain(), unit: u("台所の改装の見積もりをお願いします。電話番号は五一二です。\n")),
        Shape(name: "plain: Latin-1 bytes declared UTF-8", headers: plain(),
              unit: [0x63, 0x61, 0x66, 0xE9, 0x20, 0x72, 0xE9, 0x73, 0x75, 0x6D, 0xE9, 0x20, 0xA0, 0xFC, 0x62, 0x65, 0x72, 0x0A]),
        Shape(name: "houzz: huge Message field", headers: houzzHeaders, prefix: houzzTop, unit: u(words + "\n"),
              suffix: u("\nLead ID: 48213977\n")),
        Shape(name: "houzz: huge label values", headers: houzzHeaders, prefix: u("You have a new lead!\n\nName: "),
              unit: u(words), suffix: u("\nEmail: k@example.com\nLead ID: 48213977\n")),
        Shape(name: "houzz: huge non-ASCII label values", headers: houzzHeaders, prefix: u("You have a new lead!\n\nName: "),
              unit: u("Zoë Ångström 台所の改装 "), suffix: u("\nEmail: k@example.com\nLead ID: 48213977\n")),
        Shape(name: "houzz html: huge table cell", headers: houzzHTMLHeaders,
              prefix: u("<p>Karen is interested in working with you.</p><table><tr><td>Name</td><td>"),
              unit: u(words), suffix: u("</td></tr><tr><td>Phone</td><td>(512) 555-0134</td></tr></table><p class=\"lead-message\">hi</p>")),
        Shape(name: "thumbtack: huge message and labels", headers: thumbtackHeaders,
              prefix: u("Rachel Kim\nHome Additions · Austin, TX 78745\n\nRachel's request\nWhat is your budget?\n"),
              unit: u(words), suffix: u("\n\nRachel's message\n\"hi\"\n\nPhone number\n(737) 555-0162\nLead ID: 483920517712390146\n")),
        Shape(name: "thumbtack: message, no closing quote", headers: thumbtackHeaders,
              prefix: u("Rachel Kim\nHome Additions · Austin, TX 78745\n\nRachel's message\n\""),
              unit: u(words + "\n")),
        // Openers of a lazy `(?s)...(?<value>.+?)<closer>` field rule with no closer: each
        // opener's search runs to the end of the text.
        Shape(name: "houzz: Message: openers, no blank line", headers: houzzHeaders, prefix: u("You have a new lead!\n"),
              unit: u("Message:\nab\n")),
        Shape(name: "houzz: Message: openers, non-ASCII text", headers: houzzHeaders, prefix: u("You have a new lead, José!\n"),
              unit: u("Message:\nab\n")),
        // (A no-break space once kept the text on ICU, quadratic here: see
        // SpecPattern.placeholderSearch.)
        Shape(name: "houzz: Message: openers, text with NBSP", headers: houzzHeaders, prefix: u("You have a new\u{A0}lead!\n"),
              unit: u("Message:\nab\n")),
        Shape(name: "angi: budget questions on one line", headers: angiHeaders, prefix: u("Customer Information\n"),
              unit: u("What is your budget for this ")),
        Shape(name: "angi: budget questions, one line, ſ", headers: angiHeaders, prefix: u("Customer Information ſ\n"),
              unit: u("What is your budget for this ")),
        Shape(name: "thumbtack: 's message openers", headers: thumbtackHeaders, prefix: u("Rachel Kim\n"),
              unit: u("Rachel's message\n\"hi\n")),
        Shape(name: "yelp: wrote: openers", headers: yelpHeaders, prefix: u("Job Requested\n"), unit: u("wrote:\nab\n")),
        Shape(name: "yelp: Reply to openers, no quote", headers: yelpHeaders, prefix: u("Job Requested\n"), unit: u("Reply to Karen\n")),
        Shape(name: "yelp: Message from, one line", headers: yelpHeaders, prefix: u("Job Requested\n"), unit: u("Message from Karen ")),
        Shape(name: "zillow: says: openers", headers: zillowHeaders, prefix: u("New Contact\n"), unit: u("Karen says:\n\"hi\n")),
        Shape(name: "nextdoor: a message openers", headers: nextdoorHeaders, prefix: u("Karen requested a quote\n"), unit: u("a message\n\"hi\n")),
        Shape(name: "cf7: Message Body: openers", headers: plain(), prefix: u("This e-mail was sent from a contact form on x\n"),
              unit: u("Message Body:\nab\n")),
        Shape(name: "direct inquiry: huge body", headers: directHeaders, unit: u(inquiry)),
        Shape(name: "direct inquiry: one long line", headers: directHeaders, unit: u(inquiry.replacingOccurrences(of: "\n", with: " "))),
        // Session 18's readings: a local number's area code written apart (the line is read
        // whole for each phrase it tries), a lot with no house number on its road.
        Shape(name: "direct inquiry: area code phrases, one line", headers: directHeaders,
              prefix: u("We want to build. "), unit: u("call 555-0144 area code 512, ")),
        Shape(name: "direct inquiry: lot designations, one line", headers: directHeaders,
              prefix: u("We want to build on "), unit: u("Lot 14 on Ridge View Drive, Lot 7, Block B, Saddle Creek Trail, ")),
    ]

    static let sizes = [16 * 1024, 128 * 1024, 1024 * 1024]

    static func run(extractor: LeadExtractor, match: String, skip: String, say: (String) -> Void) {
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        /// Per message: (parse, extraction) seconds, the median of 3 runs of ≥ 5 ms each.
        func time(_ bytes: [UInt8]) -> (Double, Double) {
            var parses: [Double] = [], extracts: [Double] = []
            var sink = 0
            for _ in 0..<3 {
                var timed = TimedApart()
                repeat { timed.run(bytes, extractor, clock) } while seconds(timed.parse + timed.extract) < 0.005
                parses.append(seconds(timed.parse) / Double(timed.messages))
                extracts.append(seconds(timed.extract) / Double(timed.messages))
                sink &+= timed.leads
            }
            if sink == -1 { say("") }
            return (parses.sorted()[1], extracts.sorted()[1])
        }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        say("scaling: per shape and size, parse and extraction µs per message (median of 3 runs, each ≥ 5 ms),")
        say("µs per KiB of message, and x = extraction growth per 8x of size (linear ≈ 8, quadratic 64; flagged above 16)")
        say(pad("shape", 38) + "      KiB   parse µs  extract µs  ext µs/KiB      x")
        for shape in shapes where (match.isEmpty || shape.name.contains(match)) && (skip.isEmpty || !shape.name.contains(skip)) {
            var previous: Double?
            var flagged = false
            for size in sizes {
                let bytes = shape.message(bytes: size)
                let (parse, extract) = time(bytes)
                let kib = Double(bytes.count) / 1024
                var growth = "      "
                if let previous {
                    let x = extract / max(previous, 1e-9)
                    growth = String(format: "%6.1f", x)
                    if x > 16 && extract > 0.001 { flagged = true }
                }
                previous = extract
                say(pad(size == sizes[0] ? shape.name : "", 38) + String(format: " %8.0f %10.1f %11.1f %11.2f ", kib, parse * 1e6, extract * 1e6, extract * 1e6 / kib) + growth)
            }
            if flagged { say("  ^ super-linear: extraction grows more than 16x for 8x the size") }
        }
    }
}
