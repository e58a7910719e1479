import MIME

/// `--scaling`: parse time of hostile inputs at two sizes. Linear code takes about 4x as
/// long for 4x the input; a ratio far above that is a quadratic path an attacker can use.
/// Each pattern is one header or body shape repeated; limits are the defaults, so what a
/// limit cuts off is cheap by design and only what fits under them is measured.
enum ScalingProbe {
    /// A hostile shape: the message for `count` repetitions.
    struct Pattern: Sendable {
        var name: String
        var make: @Sendable (Int) -> [UInt8]
    }

    static func header(_ name: String, _ unit: String, prefix: String = "") -> @Sendable (Int) -> [UInt8] {
        { count in
            Array(("From: a@b.example\r\n\(name): " + prefix + String(repeating: unit, count: count) + "\r\n\r\nbody\r\n").utf8)
        }
    }

    static func body(_ unit: String, contentType: String = "text/plain", encoding: String = "8bit") -> @Sendable (Int) -> [UInt8] {
        { count in
            Array(("From: a@b.example\r\nContent-Type: \(contentType)\r\nContent-Transfer-Encoding: \(encoding)\r\n\r\n"
                + String(repeating: unit, count: count)).utf8)
        }
    }

    /// Header patterns stay under the 256 KB header block; body patterns grow to megabytes.
    static let patterns: [(Pattern, small: Int, large: Int)] = [
        (Pattern(name: "Subject: encoded words", make: header("Subject", "=?UTF-8?B?w6k=?= ")), 2_000, 8_000),
        (Pattern(name: "Subject: failed =? candidates", make: header("Subject", "=? ")), 10_000, 40_000),
        (Pattern(name: "Subject: folded lines", make: header("Subject", "a\r\n ")), 10_000, 40_000),
        (Pattern(name: "To: many addresses", make: header("To", "a@b.example, ")), 3_000, 12_000),
        (Pattern(name: "To: unbalanced quotes", make: header("To", "\"a ")), 10_000, 40_000),
        (Pattern(name: "To: nested comments", make: header("To", "(")), 20_000, 80_000),
        (Pattern(name: "To: angle brackets", make: header("To", "<")), 20_000, 80_000),
        (Pattern(name: "To: group openers", make: header("To", "g:")), 20_000, 80_000),
        (Pattern(name: "References: many ids", make: header("References", "<a@b> ")), 5_000, 20_000),
        (Pattern(name: "Content-Type: many parameters", make: header("Content-Type", "; a=b", prefix: "text/plain")), 5_000, 20_000),
        (Pattern(name: "Content-Type: RFC 2231 pieces, reversed", make: { count in
            var value = "application/pdf"
            for index in stride(from: count - 1, through: 0, by: -1) { value += "; name*\(index)*=x" }
            return Array("From: a@b.example\r\nContent-Type: \(value)\r\n\r\nbody\r\n".utf8)
        }), 2_000, 8_000),
        (Pattern(name: "Date: many tokens", make: header("Date", "1 ")), 20_000, 80_000),
        (Pattern(name: "many short headers", make: { count in
            Array(("From: a@b.example\r\n" + String(repeating: "X: y\r\n", count: count) + "\r\nbody\r\n").utf8)
        }), 8_000, 32_000),
        (Pattern(name: "body: one long line", make: body("a")), 1_000_000, 4_000_000),
        (Pattern(name: "body: quoted reply lines", make: body("> > > quoted text\n")), 50_000, 200_000),
        (Pattern(name: "body: forward separators", make: body("-----Original Message-----\nFrom: a@b.example\n")), 20_000, 80_000),
        (Pattern(name: "body: Gmail forward blocks", make: body("---------- Forwarded message ---------\nFrom: A <a@b.example>\nDate: x\nSubject: s\n\n")), 10_000, 40_000),
        (Pattern(name: "body: 'On ... wrote:' lines", make: body("On Tue, 3 Mar 2026, A <a@b.example> wrote:\n")), 20_000, 80_000),
        (Pattern(name: "body: quoted-printable '='", make: body("=", encoding: "quoted-printable")), 1_000_000, 4_000_000),
        (Pattern(name: "body: base64 garbage", make: body("!*", encoding: "base64")), 500_000, 2_000_000),
        (Pattern(name: "html: nested divs", make: body("<div>", contentType: "text/html")), 50_000, 200_000),
        (Pattern(name: "html: table cells", make: body("<tr><td>Name:</td><td>x", contentType: "text/html")), 20_000, 80_000),
        (Pattern(name: "html: entities", make: body("&amp;&#x41;&nbsp;", contentType: "text/html")), 50_000, 200_000),
        (Pattern(name: "html: unclosed '<'", make: body("<", contentType: "text/html")), 200_000, 800_000),
        (Pattern(name: "multipart: near-boundary lines", make: { count in
            Array(("From: a@b.example\r\nContent-Type: multipart/mixed; boundary=bb\r\n\r\n--bb\r\n\r\n"
                + String(repeating: "--b\r\n", count: count) + "--bb--\r\n").utf8)
        }), 100_000, 400_000),
        (Pattern(name: "multipart: nested, unterminated", make: { count in
            var text = "From: a@b.example\r\n"
            for level in 0..<count { text += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n--b\(level)\r\n" }
            return Array(text.utf8)
        }), 5_000, 20_000),
    ]

    static func run() {
        print("scaling: parse time at two sizes (best of 3 each); linear ≈ 4x, flagged above 8x")
        let clock = ContinuousClock()
        func time(_ bytes: [UInt8]) -> Double {
            var best = Double.infinity
            for _ in 0..<3 {
                let start = clock.now
                let message = MIMEMessage.parse(bytes)
                // Everything lazy too: the forward scan and the defects are where a
                // quadratic path would hide behind a fast `parse`.
                _ = EngineRunner.touch(message, mode: .parse) + message.forwarded.count + message.defects.count
                let elapsed = clock.now - start
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            return best
        }
        for (pattern, small, large) in patterns {
            let smallBytes = pattern.make(small)
            let largeBytes = pattern.make(large)
            let smallTime = time(smallBytes)
            let largeTime = time(largeBytes)
            let ratio = largeTime / max(smallTime, 1e-9)
            let flag = ratio > 8 && largeTime > 0.01 ? "  <-- superlinear?" : ""
            print("  \(Report.pad(pattern.name, 42)) \(Report.megabytes(smallBytes.count)) \(Report.number(smallTime * 1000, width: 8, decimals: 2)) ms"
                  + "   \(Report.megabytes(largeBytes.count)) \(Report.number(largeTime * 1000, width: 8, decimals: 2)) ms   x\(Report.number(ratio, decimals: 1))\(flag)")
        }
    }
}
