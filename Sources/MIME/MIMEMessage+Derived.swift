import HTMLText
import Synchronization

extension MIMEMessage {
    /// What a message derives from its decoded bodies only when asked: the HTML parsed by
    /// libxml2 and rendered to text (the costliest step for an HTML-only message) and the
    /// forwarded originals (a scan of that text). Parsing pays for neither; a caller that
    /// reads `text`, `forwarded`, `defects` or `htmlDocument` pays once, and the result is
    /// shared by copies.
    final class Derived: Sendable {
        struct Inputs: Sendable {
            var plain: String?
            var html: String?
            var attached: [MIMEMessage]
            var subject: String?
            var limits: MIMELimits
        }

        private struct Cache {
            var text: String??
            var renderingDefects: [String] = []
            var forwarded: [ForwardedOriginal]?
            /// `inputs.html` parsed, kept once rendered or asked for so extraction (XPath,
            /// table rows, meta tags) does not parse it again.
            var htmlDocument: HTMLDocument?
        }

        let inputs: Inputs
        private let cache = Mutex(Cache())

        init(_ inputs: Inputs) {
            self.inputs = inputs
        }

        static let empty = Derived(Inputs(plain: nil, html: nil, attached: [], subject: nil, limits: MIMELimits()))

        var text: String? {
            if let cached = self.cache.withLock({ $0.text }) { return cached }
            var defects: [String] = []
            let text: String?
            let verdict = self.inputs.plain.map { plain in
                self.inputs.html.map { PlainAlternative.verdict(plain: plain, html: $0, subject: self.inputs.subject) } ?? .plain
            }
            if let plain = self.inputs.plain, verdict == .plain {
                text = plain
            } else if let document = self.htmlDocument {
                let rendering = document.rendering()
                if let plain = self.inputs.plain, verdict == .htmlIfLonger,
                   !PlainAlternative.prefersRendering(rendering.text, over: plain) {
                    text = plain
                } else {
                    text = rendering.text
                    if rendering.isTruncated {
                        defects.append("HTML too deep or too long to render completely; the text was cut")
                    }
                }
            } else {
                text = self.inputs.plain
            }
            self.cache.withLock {
                $0.text = .some(text)
                $0.renderingDefects = defects
            }
            return text
        }

        /// `inputs.html` parsed: once, on first use (by `text` for an HTML-only message,
        /// else by whoever asks), then kept as long as this object; nil without HTML.
        var htmlDocument: HTMLDocument? {
            guard let html = self.inputs.html else { return nil }
            if let cached = self.cache.withLock({ $0.htmlDocument }) { return cached }
            // Parsed outside the lock; should two threads race, the first stored one wins so
            // every caller sees the same document.
            let parsed = HTMLDocument(html)
            return self.cache.withLock { cache in
                if let stored = cache.htmlDocument { return stored }
                cache.htmlDocument = parsed
                return parsed
            }
        }

        var renderingDefects: [String] {
            _ = self.text
            return self.cache.withLock { $0.renderingDefects }
        }

        var forwarded: [ForwardedOriginal] {
            if let cached = self.cache.withLock({ $0.forwarded }) { return cached }
            var forwarded: [ForwardedOriginal] = []
            // A delivery report someone attached (a homeowner's "my mail to you bounced")
            // is not a forwarded original: the carrying message's own text is the inquiry.
            for attached in self.inputs.attached where !attached.isDeliveryReport {
                forwarded += attached.forwarded
                forwarded.append(ForwardedOriginal(attachedMessage: attached))
            }
            if let text = self.text {
                // The subject tells a quoted reply ("RE:" over an Outlook block) from a forward.
                forwarded += ForwardedOriginal.inlineForwards(in: text, subject: self.inputs.subject, limits: self.inputs.limits)
            }
            self.cache.withLock { $0.forwarded = forwarded }
            return forwarded
        }
    }
}
