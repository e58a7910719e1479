@testable import HTMLText
import Testing

/// The buffer behind the light parser's tree and the renderer's output, with exact
/// expectations against an `Array` doing the same operations.
@Suite("Growable buffer")
struct GrowableBufferTests {
    @Test("appends, removals and reads match an array's through many growths")
    func matchesArray() {
        var random = SplitMix64(seed: 7)
        var buffer = GrowableBuffer<Int>(capacity: 0)
        var reference: [Int] = []
        for step in 0..<5_000 {
            switch random.next() % 5 {
            case 0, 1:
                buffer.append(step)
                reference.append(step)
            case 2:
                let run = (0..<Int(random.next() % 40)).map { $0 * 3 + step }
                run.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
                reference += run
            case 3:
                if !reference.isEmpty {
                    buffer.removeLast()
                    reference.removeLast()
                }
            default:
                if !reference.isEmpty {
                    let index = Int(random.next() % UInt64(reference.count))
                    buffer[index] = -step
                    reference[index] = -step
                }
            }
            // Read into locals: #expect cannot capture a noncopyable value.
            let (count, last) = (buffer.count, buffer.last)
            #expect(count == reference.count)
            #expect(last == reference.last)
        }
        let all = buffer.array()
        let slice = Array(buffer.buffer(3..<10))
        let lastNegative = buffer.lastIndex(where: { $0 < 0 })
        let first = reference[0]
        let holdsFirst = buffer.contains(where: { $0 == first })
        let holdsMin = buffer.contains(where: { $0 == Int.min })
        #expect(all == reference)
        #expect(slice == Array(reference[3..<10]))
        #expect(lastNegative == reference.lastIndex(where: { $0 < 0 }))
        #expect(holdsFirst)
        #expect(!holdsMin)
    }

    @Test("an empty buffer has no last element and no matches")
    func empty() {
        let buffer = GrowableBuffer<UInt8>(capacity: 16)
        let (isEmpty, last, index, all) = (buffer.isEmpty, buffer.last, buffer.lastIndex(where: { _ in true }), buffer.array())
        #expect(isEmpty)
        #expect(last == nil)
        #expect(index == nil)
        #expect(all == [])
    }
}
