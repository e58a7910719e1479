import Extraction
import LeadModel
import MIME

/// Parses and extracts one message, timing the two apart (the parse of the bytes, then
/// the extraction of the parsed message). Both `--split` and `--scaling` use it.
struct TimedApart {
    var parse = Duration.zero
    var extract = Duration.zero
    /// Messages timed, and how many became leads (kept so the work is not optimised away).
    var messages = 0
    var leads = 0

    mutating func run(_ bytes: [UInt8], _ extractor: LeadExtractor, _ clock: ContinuousClock) {
        let t0 = clock.now
        let message = MIMEMessage.parse(bytes)
        let t1 = clock.now
        if extractor.extract(from: message).lead != nil { leads += 1 }
        let t2 = clock.now
        parse += t1 - t0
        extract += t2 - t1
        messages += 1
    }
}
