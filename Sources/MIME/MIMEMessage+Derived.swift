import HTMLText
import Synchronization

extension MIMEMessage {
    /// What a message derives from its decoded bodies only when asked: the HTML rendered
    /// to text (libxml2, the costliest step for an HTML-only message) and the forwarded
    /// originals (a scan of that text). Parsing pays for neither; a caller that reads
    /// `text`, `forwarded` or `defects` pays once, and the result is shared by copies.
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
            if let plain = self.inputs.plain {
                text = plain
            } else if let html = self.inputs.html {
                let rendering = HTMLText.rendering(html)
                text = rendering.text
                if rendering.isTruncated {
                    defects.append("HTML too deep or too long to render completely; the text was cut")
                }
            } else {
                text = nil
            }
            self.cache.withLock {
                $0.text = .some(text)
                $0.renderingDefects = defects
            }
            return text
        }

        var renderingDefects: [String] {
            _ = self.text
            return self.cache.withLock { $0.renderingDefects }
        }

        var forwarded: [ForwardedOriginal] {
            if let cached = self.cache.withLock({ $0.forwarded }) { return cached }
            var forwarded: [ForwardedOriginal] = []
            for attached in self.inputs.attached {
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
