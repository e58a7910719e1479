@testable import MIME
import Testing

/// `CharsetDecoder.resolve` answers the common labels without `CharsetLabel.resolve`; it
/// must answer exactly as that does, for them and for everything near them.
@Suite("Charset label fast path")
struct CharsetLabelFastPathTests {
    @Test("the common labels resolve as CharsetLabel.resolve resolves them", arguments: [
        "utf-8", "UTF-8", "Utf-8", "us-ascii", "US-ASCII", "iso-8859-1", "ISO-8859-1", "windows-1252", "Windows-1252",
    ])
    func commonLabels(_ raw: String) {
        #expect(CharsetDecoder.commonLabel(raw) != nil)
        #expect(CharsetDecoder.commonLabel(raw) == CharsetLabel.resolve(raw))
    }

    @Test("near misses take the full path and agree with it", arguments: [
        "\"utf-8\"", "utf-8*en", " utf-8", "utf-8 ", "utf8", "utf-88", "utf-", "us-ascii2", "iso-8859-15", "iso-8859-2",
        "windows-1251", "windows-12522", "ISO_8859-1", "", "x", "UTF-8\u{0}", "utf\u{2010}8", "ütf-8", "koi8-r",
    ])
    func nearMisses(_ raw: String) {
        #expect(CharsetDecoder.commonLabel(raw) == nil)
        #expect(CharsetDecoder.resolve(raw) == CharsetLabel.resolve(raw))
    }

    @Test("every common label is one CharsetLabel.resolve agrees with")
    func tableAgrees() {
        for entry in CharsetDecoder.commonLabels {
            let name = String(decoding: UnsafeBufferPointer(start: entry.name.utf8Start, count: entry.name.utf8CodeUnitCount), as: UTF8.self)
            #expect(CharsetLabel.resolve(name) == entry.label, "\(name)")
            #expect(CharsetDecoder.commonLabel(name) == entry.label, "\(name)")
        }
    }
}
