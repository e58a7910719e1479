/// A growable array for values appended by the thousand: the light parser's nodes,
/// attributes, text bytes and open elements, and the renderer's output.
///
/// An `Array` held in a mutating struct checks uniqueness and capacity through out-of-line
/// code on every append and every field written into an element; this buffer is one
/// pointer, a count and a capacity, owned by one value (it cannot be copied), so those
/// are a compare and a store. Indices are the caller's responsibility (checked in debug
/// builds), as with an unsafe pointer.
struct GrowableBuffer<Element>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 8)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    subscript(index: Int) -> Element {
        unsafeAddress {
            assert(index >= 0 && index < count, "GrowableBuffer index out of range")
            return UnsafePointer(base + index)
        }
        nonmutating unsafeMutableAddress {
            assert(index >= 0 && index < count, "GrowableBuffer index out of range")
            return base + index
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(minimumCapacity: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, elements.count > 0 else { return }
        if capacity - count < elements.count { grow(minimumCapacity: count + elements.count) }
        (base + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    @inline(__always)
    mutating func removeLast() {
        assert(count > 0, "GrowableBuffer is empty")
        count -= 1
        (base + count).deinitialize(count: 1)
    }

    func contains(where predicate: (Element) -> Bool) -> Bool {
        lastIndex(where: predicate) != nil
    }

    func lastIndex(where predicate: (Element) -> Bool) -> Int? {
        var index = count - 1
        while index >= 0 {
            if predicate(base[index]) { return index }
            index -= 1
        }
        return nil
    }

    /// Elements `range` as a buffer (valid until the next append).
    func buffer(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        assert(range.lowerBound >= 0 && range.upperBound <= count, "GrowableBuffer range out of range")
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// The elements as an array (a copy).
    func array() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func grow(minimumCapacity: Int) {
        let newCapacity = max(minimumCapacity, 2 * capacity)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
