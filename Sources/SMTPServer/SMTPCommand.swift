/// A parsed SMTP command line (RFC 5321 section 4.1).
enum SMTPCommand: Equatable {
    case ehlo(String)
    case helo(String)
    /// LMTP's greeting (RFC 2033 4.1), EHLO under another name.
    case lhlo(String)
    /// Reverse path ("" for the null sender `<>`) and its ESMTP parameters, names uppercased.
    case mail(from: String, parameters: [String: String])
    case rcpt(to: String, parameters: [String: String])
    case data
    case rset
    case noop
    case quit
    case vrfy
    case expn
    case help
    case starttls
    /// Recognised verb with unusable arguments: the reply text says what is wrong.
    case syntaxError(String)
    case unknown(String)

    /// Parses one command line (without CRLF). Verbs are case-insensitive.
    static func parse(_ line: String) -> SMTPCommand {
        let trimmed = line.trimmingTrailingSpaces()
        let verbEnd = trimmed.firstIndex(of: " ") ?? trimmed.endIndex
        let verb = trimmed[..<verbEnd].uppercased()
        let argument = trimmed[verbEnd...].drop(while: { $0 == " " })
        switch verb {
        case "EHLO", "HELO", "LHLO":
            guard !argument.isEmpty else { return .syntaxError("\(verb) requires a domain or address literal") }
            let name = String(argument.prefix(255))
            switch verb {
            case "EHLO": return .ehlo(name)
            case "HELO": return .helo(name)
            default: return .lhlo(name)
            }
        case "MAIL":
            guard let (path, params) = Self.path(after: "FROM:", in: argument) else {
                return .syntaxError("Syntax: MAIL FROM:<address> [parameters]")
            }
            return .mail(from: path, parameters: params)
        case "RCPT":
            guard let (path, params) = Self.path(after: "TO:", in: argument), !path.isEmpty else {
                return .syntaxError("Syntax: RCPT TO:<address> [parameters]")
            }
            return .rcpt(to: path, parameters: params)
        case "DATA": return argument.isEmpty ? .data : .syntaxError("DATA takes no arguments")
        // A well-formed BDAT never reaches here (the framer reads its chunk).
        case "BDAT": return .syntaxError("Syntax: BDAT size [LAST]")
        case "RSET": return .rset
        case "NOOP": return .noop
        case "QUIT": return .quit
        case "VRFY": return .vrfy
        case "EXPN": return .expn
        case "HELP": return .help
        case "STARTTLS": return argument.isEmpty ? .starttls : .syntaxError("STARTTLS takes no arguments")
        default: return .unknown(String(verb.prefix(32)))
        }
    }

    /// `FROM:<a@b> SIZE=10` -> ("a@b", ["SIZE": "10"]). Tolerates a space after the colon
    /// (common in the wild) and a missing pair of brackets around a plain address.
    private static func path(after keyword: String, in argument: Substring) -> (String, [String: String])? {
        guard argument.uppercased().hasPrefix(keyword) else { return nil }
        var rest = argument.dropFirst(keyword.count).drop(while: { $0 == " " })
        let path: Substring
        if rest.first == "<" {
            guard let close = rest.firstIndex(of: ">") else { return nil }
            path = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
        } else {
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            path = rest[..<end]
            rest = rest[end...]
            if path.isEmpty { return nil }
        }
        // A source route (`<@relay:user@host>`) is obsolete; keep the mailbox.
        var address = String(path)
        if address.hasPrefix("@"), let colon = address.firstIndex(of: ":") {
            address = String(address[address.index(after: colon)...])
        }
        guard !address.contains(where: { $0 == " " || $0 == "<" || $0 == ">" }) else { return nil }
        var parameters: [String: String] = [:]
        for token in rest.split(separator: " ") {
            let pair = token.split(separator: "=", maxSplits: 1)
            parameters[pair[0].uppercased()] = pair.count > 1 ? String(pair[1]) : ""
        }
        return (address, parameters)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
