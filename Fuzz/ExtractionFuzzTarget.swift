// libFuzzer entry for lead extraction: MIMEMessage.parse, then LeadExtractor over the specs
// of parsers/, then the outcome's JSON, so every stage (classifier, spec detection and field
// rules, the byte regex matcher, label tables, heuristics, the light HTML parser) runs on
// hostile input. Not a SwiftPM target (it has no main; `-sanitize=fuzzer` supplies one):
// `Fuzz/run-fuzzer.sh extraction` compiles it with swiftc against the modules built one by
// one. See Fuzz/README.md.
import Foundation
import Extraction
import MIME

/// Where the specs live. The script passes the repository's `parsers/` in
/// `LEAD_INTAKE_FUZZ_PARSERS`; replaying from the repository root works without it.
private func parsersDirectory() -> URL {
    if let path = ProcessInfo.processInfo.environment["LEAD_INTAKE_FUZZ_PARSERS"], !path.isEmpty {
        return URL(fileURLWithPath: path, isDirectory: true)
    }
    return URL(fileURLWithPath: "parsers", isDirectory: true)
}

/// Loaded once: loading parses and checks some twenty YAML files, which would otherwise
/// dominate every execution. A broken spec directory is a set-up error, not a finding.
private let extractor: LeadExtractor = {
    do {
        return LeadExtractor(specs: try SpecSet.load(directory: parsersDirectory()))
    } catch {
        fatalError("cannot load the specs of \(parsersDirectory().path): \(error)")
    }
}()

/// A sender and subject that spec detection recognises, so fuzzed bodies reach a spec's
/// ignore and field rules (and with them SpecRegex) instead of only the heuristics.
private struct FixedSender {
    let from: String
    let subject: String
}

/// Index 0 is a person writing directly (no spec: heuristics only); the others are
/// marketplace and form senders whose `detect` block in parsers/*.yaml they satisfy.
private let senders: [FixedSender] = [
    FixedSender(from: "Jane Doe <jane.doe@example.com>", subject: "Kitchen remodel quote"),
    FixedSender(from: "Houzz <leads@houzz.com>", subject: "New lead from Jane Doe"),
    FixedSender(from: "Thumbtack <no-reply@thumbtack.com>", subject: "New direct lead: Jane D."),
    FixedSender(from: "Angi Leads <leads@angi.com>", subject: "New lead: Kitchen Remodel"),
    FixedSender(from: "Zillow <no-reply@zillow.com>", subject: "Jane is requesting information about 12 Main St"),
    FixedSender(from: "Yelp <no-reply@yelp.com>", subject: "New lead from Jane D."),
    FixedSender(from: "HomeAdvisor <leads@homeadvisor.com>", subject: "New opportunity: Roof Repair"),
    FixedSender(from: "Porch <pro@porch.com>", subject: "New project: Deck"),
    FixedSender(from: "BuildZoom <projects@buildzoom.com>", subject: "New project match"),
    FixedSender(from: "Nextdoor <no-reply@nextdoor.com>", subject: "Jane sent you a message"),
    FixedSender(from: "Facebook <notification@facebookmail.com>", subject: "New lead for Spring Promo"),
    FixedSender(from: "Google <localservices-noreply@google.com>", subject: "New message from a potential customer"),
    FixedSender(from: "Website <noreply@acme-builders.com>", subject: "New contact form submission"),
    FixedSender(from: "WordPress <wordpress@acme-builders.com>", subject: "New submission from Contact"),
    FixedSender(from: "WPForms <forms@acme-builders.com>", subject: "New Entry: Contact Us"),
    FixedSender(from: "Jotform <noreply@jotform.com>", subject: "New submission: Quote"),
    FixedSender(from: "Squarespace <form-submission@squarespace.info>", subject: "Form Submission - Contact"),
    FixedSender(from: "Webflow <no-reply@webflow.com>", subject: "New form submission"),
    FixedSender(from: "Wix <no-reply@wix.com>", subject: "New form submission"),
]

/// What the first byte selects: `byte % 3` is the shape of the rest (whole message, plain
/// body, HTML body) and `byte / 3` the sender of the two body shapes.
private enum InputShape {
    case wholeMessage
    case plainBody(FixedSender)
    case htmlBody(FixedSender)

    init(selector: UInt8) {
        let sender = senders[Int(selector / 3) % senders.count]
        switch selector % 3 {
        case 0: self = .wholeMessage
        case 1: self = .plainBody(sender)
        default: self = .htmlBody(sender)
        }
    }

    /// The RFC 5322 message to parse, the fuzzed rest being the whole message or its body.
    func message(body: ArraySlice<UInt8>) -> [UInt8] {
        switch self {
        case .wholeMessage:
            return Array(body)
        case .plainBody(let sender):
            return Self.headers(sender, contentType: "text/plain; charset=utf-8") + body
        case .htmlBody(let sender):
            return Self.headers(sender, contentType: "text/html; charset=utf-8") + body
        }
    }

    private static func headers(_ sender: FixedSender, contentType: String) -> [UInt8] {
        let block = "From: \(sender.from)\r\n"
            + "To: Acme Builders <office@acme-builders.com>\r\n"
            + "Subject: \(sender.subject)\r\n"
            + "Date: Sat, 21 Nov 2026 10:00:00 +0000\r\n"
            + "Message-ID: <fuzz@example.com>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: \(contentType)\r\n"
            + "\r\n"
        return Array(block.utf8)
    }
}

/// Extracts one input and encodes the outcome, so the JSON encoding of whatever the
/// extractors produced (strings cut anywhere, odd numbers) runs under the sanitizers too.
@_cdecl("LLVMFuzzerTestOneInput")
public func extractionFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let input = UnsafeBufferPointer(start: data, count: size)
    let shape = InputShape(selector: input[0])
    let bytes = shape.message(body: Array(input)[1...])
    let outcome = extractor.extract(from: MIMEMessage.parse(bytes))
    guard (try? outcome.jsonData()) != nil else { fatalError("ExtractionOutcome.jsonData() threw") }
    return 0
}
