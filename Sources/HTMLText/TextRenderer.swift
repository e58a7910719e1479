/// Walks a parsed tree (libxml2's or ``LightHTMLTree``) and writes its text into a ``TextSink``.
///
/// The walk is iterative (first child, next sibling, back up through `parent`), so no
/// document shape can exhaust the stack; the only per-depth state is the heap-allocated
/// `frames` array. libxml2 itself stops building the tree 256 elements deep.
struct TextRenderer: ~Copyable {
    var sink: TextSink
    /// One frame per element currently entered, innermost last.
    private var frames: [Frame] = []
    /// Open `ul`/`ol` lists, innermost last, with their next item number.
    private var lists: [(ordered: Bool, next: Int)] = []
    var preformattedDepth = 0
    private var paragraphDepth = 0
    /// The next preformatted character is the first of a `<pre>`: a newline there is dropped.
    var atPreformattedStart = false

    private struct Frame {
        var kind: ElementKind
        /// For cells: `sink.visibleCount` on entry, to tell whether the cell showed anything.
        var visibleCountAtEntry = 0
        /// The element had a paragraph margin (so its end asks for a blank line too).
        var blankLine = false
    }

    init(limit: Int) {
        sink = TextSink(limit: limit)
    }

    /// Renders the whole document.
    mutating func render<Tree: HTMLTree>(document tree: Tree) {
        var child = tree.firstDocumentChild
        while let current = child, !sink.isFull {
            render(subtree: current, in: tree, showingRoot: false)
            child = tree.nextSibling(of: current)
        }
    }

    /// Renders `root` and everything below it.
    ///
    /// - Parameter showingRoot: show `root`'s content even when its own kind would drop it
    ///   (an XPath that selects `//title` wants the title).
    mutating func render<Tree: HTMLTree>(subtree root: Tree.Node, in tree: Tree, showingRoot: Bool) {
        var node: Tree.Node? = root
        while let current = node {
            if sink.isFull { return }
            if enter(current, in: tree, forceVisible: showingRoot && current == root) {
                if let child = tree.firstChild(of: current) {
                    node = child
                    continue
                }
                leave()
            }
            node = advance(from: current, root: root, in: tree)
        }
    }

    /// Moves to the next node in document order, closing every element it climbs out of.
    private mutating func advance<Tree: HTMLTree>(from start: Tree.Node, root: Tree.Node, in tree: Tree) -> Tree.Node? {
        var current = start
        while current != root {
            if let next = tree.nextSibling(of: current) { return next }
            // Every element we climb into was entered on the way down (that is how we got
            // below it), so it has a frame to close.
            guard let parent = tree.parent(of: current) else { return nil }
            current = parent
            leave()
        }
        return nil
    }

    /// Handles a node on the way down. Returns true when it opened a frame (an element
    /// whose content is shown); its children are then walked and ``leave()`` closes it.
    private mutating func enter<Tree: HTMLTree>(_ node: Tree.Node, in tree: Tree, forceVisible: Bool) -> Bool {
        switch tree.type(of: node) {
        case .text:
            if let content = tree.text(of: node) { writeText(content) }
            return false
        case .element:
            guard var kind = tree.elementKind(of: node) else { return false }
            if forceVisible {
                if kind == .dropped { kind = .inline }
            } else if kind == .dropped || tree.isHidden(node) {
                return false
            }
            open(node, in: tree, kind: kind)
            return true
        case .other:
            // Comments, processing instructions, DTD nodes, entity declarations: never text.
            return false
        }
    }

    private mutating func open<Tree: HTMLTree>(_ node: Tree.Node, in tree: Tree, kind: ElementKind) {
        var frame = Frame(kind: kind)
        switch kind {
        case .inline, .dropped:
            break
        case .lineBreak:
            sink.lineBreak()
        case .block(let blankLine):
            frame.blankLine = blankLine
            sink.requestBreak(blankLine ? 2 : 1)
        case .paragraph:
            if paragraphDepth > 0 {
                // Real markup cannot put a `p` inside a `p` (libxml2 closes the open one), so
                // this is Outlook's `<o:p>` with its prefix stripped. It only ever holds
                // `&nbsp;` or nothing: keep it inline.
                frame.kind = .inline
            } else {
                frame.blankLine = !tree.hasOutlookClass(node)
                sink.requestBreak(frame.blankLine ? 2 : 1)
                paragraphDepth += 1
            }
        case .preformatted:
            sink.requestBreak(2)
            preformattedDepth += 1
            atPreformattedStart = true
        case .list(let ordered):
            // Nested lists sit inside an item: no margin around them.
            frame.blankLine = lists.isEmpty
            sink.requestBreak(lists.isEmpty ? 2 : 1)
            lists.append((ordered, Self.startNumber(of: node, in: tree, ordered: ordered)))
        case .listItem:
            sink.requestBreak(1)
            writeListMarker()
        case .row:
            sink.requestBreak(1)
        case .cell:
            sink.requestSpace()
            frame.visibleCountAtEntry = sink.visibleCount
            sink.suppressesBlockBreaks = true
        }
        frames.append(frame)
    }

    private mutating func leave() {
        guard let frame = frames.popLast() else { return }
        switch frame.kind {
        case .inline, .dropped, .lineBreak:
            break
        case .block:
            sink.requestBreak(frame.blankLine ? 2 : 1)
        case .paragraph:
            paragraphDepth -= 1
            sink.requestBreak(frame.blankLine ? 2 : 1)
        case .preformatted:
            preformattedDepth -= 1
            atPreformattedStart = false
            sink.requestBreak(2)
        case .list:
            lists.removeLast()
            sink.requestBreak(frame.blankLine ? 2 : 1)
        case .listItem, .row:
            sink.requestBreak(1)
        case .cell:
            // The cell's own trailing block edges must not split its row; line breaks
            // between its contents stay.
            if sink.visibleCount > frame.visibleCountAtEntry { sink.cancelPendingBreaks() }
            sink.suppressesBlockBreaks = false
        }
    }

    private mutating func writeListMarker() {
        guard let index = lists.indices.last, lists[index].ordered else {
            writeMarker("-")
            return
        }
        let number = lists[index].next
        lists[index].next += 1
        writeMarker("\(number).")
    }

    /// Writes a list marker as visible text followed by a collapsible space, so an empty
    /// item leaves no trailing blank.
    private mutating func writeMarker(_ marker: String) {
        var marker = marker
        marker.withUTF8 { utf8 in
            for index in utf8.indices {
                sink.writeVisible(UnsafeBufferPointer(rebasing: utf8[index..<index + 1]))
            }
        }
        sink.requestSpace()
    }

    /// The `start` attribute of an `ol`, when it is a plain small number.
    private static func startNumber<Tree: HTMLTree>(of node: Tree.Node, in tree: Tree, ordered: Bool) -> Int {
        guard ordered, let value = tree.attribute("start", of: node) else { return 1 }
        var number = 0
        var sawDigit = false
        for byte in value where byte != UInt8(ascii: " ") {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), number < 100_000_000 else { return 1 }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
            sawDigit = true
        }
        return sawDigit ? number : 1
    }
}
