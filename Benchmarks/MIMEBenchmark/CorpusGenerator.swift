/// Builds the generated part of the benchmark corpora from a seed, so every run (and every
/// engine in a run) parses byte-identical mail without any generated file being committed.
struct CorpusGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    // MARK: - Mix (a): small lead notifications

    /// `count` messages of 2-20 KB: plain, plain+HTML alternatives, HTML only and a few with
    /// a small image, quoted-printable and base64 bodies, encoded-word headers.
    mutating func smallMessages(count: Int) -> [[UInt8]] {
        (0..<count).map { _ in smallMessage(targetSize: 2048 + below(18 * 1024)) }
    }

    mutating func smallMessage(targetSize: Int) -> [UInt8] {
        var out = headers(extraReceived: 2 + below(5))
        let plain = leadText(targetSize: targetSize / (below(2) == 0 ? 2 : 1))
        let html = leadHTML(from: plain)
        let boundary = "----=_Part_\(next() % 1_000_000)_\(next() % 1_000_000)"
        switch below(5) {
        case 0:
            out += "Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            out += Self.quotedPrintable(plain)
        case 1:
            out += "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            out += Self.base64(Array(html.utf8))
        case 4:
            let inner = "----=_Alt_\(next() % 1_000_000)"
            out += "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\n"
            out += alternative(plain: plain, html: html, boundary: inner)
            out += "\r\n--\(boundary)\r\nContent-Type: image/png; name=\"logo.png\"\r\n"
            out += "Content-Disposition: inline; filename=\"logo.png\"\r\nContent-ID: <logo@builder.example>\r\n"
            out += "Content-Transfer-Encoding: base64\r\n\r\n"
            out += Self.base64(randomBytes(count: 1024 + below(4096), magic: [0x89, 0x50, 0x4E, 0x47]))
            out += "\r\n--\(boundary)--\r\n"
        default:
            out += alternative(plain: plain, html: html, boundary: boundary)
        }
        return Array(out.utf8)
    }

    // MARK: - Mix (b): large base64 attachments

    /// Messages with 1-3 attachments of 1-10 MB each until about `totalBytes` of mail.
    mutating func attachmentMessages(totalBytes: Int) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        var total = 0
        while total < totalBytes {
            let sizes = (0..<(1 + below(3))).map { _ in 1_000_000 + below(9_000_000) }
            let message = attachmentMessage(attachmentSizes: sizes)
            total += message.count
            messages.append(message)
        }
        return messages
    }

    /// One message with a short alternative body and attachments of the given raw sizes.
    mutating func attachmentMessage(attachmentSizes: [Int]) -> [UInt8] {
        var out = Array(headers(extraReceived: 3).utf8)
        let boundary = "----=_Mixed_\(next() % 1_000_000)"
        let plain = leadText(targetSize: 1500)
        out += Array("Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\n".utf8)
        out += Array(alternative(plain: plain, html: leadHTML(from: plain), boundary: "----=_Alt_\(next() % 1_000_000)").utf8)
        for (index, size) in attachmentSizes.enumerated() {
            let pdf = below(2) == 0
            let name = pdf ? "plans-\(index + 1).pdf" : "site photo \(index + 1).jpg"
            out += Array("\r\n--\(boundary)\r\nContent-Type: \(pdf ? "application/pdf" : "image/jpeg"); name=\"\(name)\"\r\n".utf8)
            out += Array("Content-Disposition: attachment; filename=\"\(name)\"\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)
            let magic: [UInt8] = pdf ? Array("%PDF-1.7\n".utf8) : [0xFF, 0xD8, 0xFF, 0xE0]
            out += Self.base64Bytes(randomBytes(count: size, magic: magic))
        }
        out += Array("\r\n--\(boundary)--\r\n".utf8)
        return out
    }

    /// A forward of a forward of ...: each level a message whose only attachment is the
    /// previous level as a base64 `message/rfc822` (Gmail writes them so), wrapped until
    /// the whole is at least `minimumSize` bytes. The innermost has a 1.5 MB PDF.
    mutating func nestedAttachedMessages(minimumSize: Int) -> (message: [UInt8], levels: Int) {
        var message = attachmentMessage(attachmentSizes: [1_500_000])
        var levels = 0
        while message.count < minimumSize {
            levels += 1
            let boundary = "----=_Level_\(levels)"
            var out = Array(headers(extraReceived: 1).utf8)
            out += Array("Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\n".utf8)
            out += Array("Content-Type: text/plain; charset=utf-8\r\n\r\nSee the forwarded message.\r\n--\(boundary)\r\n".utf8)
            out += Array("Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)
            out += Self.base64Bytes(message)
            out += Array("--\(boundary)--\r\n".utf8)
            message = out
        }
        return (message, levels)
    }

    // MARK: - Pieces

    private mutating func headers(extraReceived: Int) -> String {
        var out = ""
        for hop in 0..<extraReceived {
            out += "Received: from mx\(hop).relay.example (mx\(hop).relay.example [192.0.2.\(below(250))])\r\n"
            out += "\tby mail.builder.example with ESMTPS id \(next() % 1_000_000_000)\r\n"
            out += "\tfor <sales@builder.example>; Tue, 3 Mar 2026 09:\(10 + below(50)):00 +0000\r\n"
        }
        out += "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=leads.example; s=k1;\r\n"
        out += "\th=from:to:subject:date:message-id; bh=\(Self.base64Line(randomBytes(count: 32, magic: [])));\r\n"
        out += "\tb=\(Self.base64Line(randomBytes(count: 128, magic: [])))\r\n"
        let name = pick(Self.names)
        let encodedName = below(2) == 0
            ? "=?UTF-8?B?\(Self.base64Line(Array(name.utf8)))?="
            : "=?UTF-8?Q?\(Self.qWord(name))?="
        out += "From: \(encodedName) <lead\(below(10_000))@leads.example>\r\n"
        out += "To: \"Sales Team\" <sales@builder.example>" + (below(3) == 0 ? ", ops@builder.example" : "") + "\r\n"
        if below(4) == 0 { out += "Cc: =?ISO-8859-1?Q?Ren=E9e_Dupr=E9?= <renee@builder.example>\r\n" }
        let subject = "New inquiry: \(pick(Self.communities)) lot \(below(200)) — \(name)"
        out += below(2) == 0 ? "Subject: =?UTF-8?B?\(Self.base64Line(Array(subject.utf8)))?=\r\n" : "Subject: \(subject)\r\n"
        out += "Date: Tue, \(1 + below(28)) Mar 2026 09:\(10 + below(50)):\(10 + below(50)) -0500\r\n"
        out += "Message-ID: <\(next())@leads.example>\r\nMIME-Version: 1.0\r\n"
        return out
    }

    private func alternative(plain: String, html: String, boundary: String) -> String {
        "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\n"
            + "Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + Self.quotedPrintable(plain)
            + "\r\n--\(boundary)\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + Self.quotedPrintable(html) + "\r\n--\(boundary)--\r\n"
    }

    /// A lead notification: labelled fields, then prose until about `targetSize` bytes.
    private mutating func leadText(targetSize: Int) -> String {
        var text = "You have a new lead from \(pick(Self.sources)).\n\nName: \(pick(Self.names))\n"
        text += "Email: lead\(below(10_000))@leads.example\nPhone: (555) 01\(below(10))\(below(10))-\(1000 + below(9000))\n"
        text += "Community: \(pick(Self.communities))\nMessage:\n"
        while text.utf8.count < targetSize {
            var line = ""
            for _ in 0..<(6 + below(14)) { line += pick(Self.words) + " " }
            text += line + "\n"
            if below(6) == 0 { text += "\n" }
        }
        return text
    }

    private func leadHTML(from plain: String) -> String {
        var html = "<html><head><style>td{padding:4px}</style></head><body><table>"
        for line in plain.split(separator: "\n") {
            if let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) < 12 {
                html += "<tr><td class=\"label\">\(line[..<colon])</td><td class=\"value\">\(line[line.index(after: colon)...])</td></tr>"
            } else {
                html += "<tr><td colspan=\"2\"><p>\(line.replacingAmpersands())</p></td></tr>\n"
            }
        }
        return html + "</table></body></html>"
    }

    mutating func randomBytes(count: Int, magic: [UInt8]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { buffer in
            var index = 0
            while index + 8 <= buffer.count {
                buffer.storeBytes(of: next(), toByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < buffer.count {
                buffer[index] = UInt8(truncatingIfNeeded: next())
                index += 1
            }
        }
        for (index, byte) in magic.enumerated() where index < count { bytes[index] = byte }
        return bytes
    }

    /// SplitMix64: fast, and the same sequence on every platform.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    mutating func pick(_ values: [String]) -> String {
        values[below(values.count)]
    }

    static let names = ["Jane Doe", "José Álvarez", "Zoë Müller", "Łukasz Nowak", "山田 太郎", "Renée Dupré", "Ørjan Sæther", "Mike O'Brien"]
    static let communities = ["Willow Creek", "Cedar Ridge", "Lakeside Villas", "Château Pines", "Sunset Meadows"]
    static let sources = ["Zillow", "Houzz", "NewHomeSource", "your website", "BuildZoom"]
    static let words = [
        "we", "are", "interested", "in", "the", "model", "home", "with", "three", "bedrooms", "and", "a",
        "large", "garage", "please", "call", "after", "5pm", "pricing", "façade", "options", "€", "budget",
        "is", "$450,000", "=", "50%", "down", "naïve", "question:", "timeline", "spring", "2027", "thanks",
    ]
}

private extension Substring {
    func replacingAmpersands() -> String {
        var out = ""
        for character in self { out += character == "&" ? "&amp;" : String(character) }
        return out
    }
}
