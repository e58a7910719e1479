extension HTMLDocument {
    /// The first two cells of a table row: in lead notifications a label and its value.
    public struct TableRow: Sendable, Hashable {
        /// The first `td`/`th` cell's text (`"Name:"`).
        public var label: String
        /// The second cell's text (`"Jane Doe"`).
        public var value: String

        /// Creates a row.
        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// The first two cells of every innermost table row, in document order.
    ///
    /// ```swift
    /// HTMLDocument("<table><tr><td>Name:</td><td>Jane<br>Doe</td><td>x</td></tr></table>")
    ///     .innermostTableRows()
    /// // [TableRow(label: "Name:", value: "Jane\nDoe")]
    /// ```
    ///
    /// Exactly the cells, and the text, that
    /// `//tr[not(.//tr)][count(td|th) >= 2]/*[self::td or self::th][position() <= 2]`
    /// selects through ``values(matching:maxOutputBytes:)``, in one linear walk instead of
    /// an XPath evaluation: a row counts when it holds no other row (layout tables nest
    /// the real rows inside a cell) and has at least two `td`/`th` children; cells render
    /// like any selected node (hidden or not), sharing one `maxOutputBytes` budget. Like
    /// the XPath, a document with more than ``HTMLText/maxXPathElements`` elements gives
    /// nothing. The one difference: when the budget runs out after a row's first cell,
    /// that half row is left out.
    ///
    /// - Parameter maxOutputBytes: A cap on the total text returned.
    /// - Returns: The rows in document order.
    public func innermostTableRows(maxOutputBytes: Int = HTMLText.defaultMaxOutputBytes) -> [TableRow] {
        let texts: [String]
        if let light {
            texts = light.withView { tree in
                guard let cells = innermostRowCells(in: tree) else { return [] }
                return Self.renderedElementValues(of: cells, in: tree, maxOutputBytes: maxOutputBytes)
            }
        } else {
            guard let tree = eagerTree else { return [] }
            let libxml = LibXMLTree(document: tree)
            guard let cells = innermostRowCells(in: libxml) else { return [] }
            texts = Self.renderedElementValues(of: cells, in: libxml, maxOutputBytes: maxOutputBytes)
        }
        var rows: [TableRow] = []
        rows.reserveCapacity(texts.count / 2)
        var index = 0
        while index + 1 < texts.count {
            rows.append(TableRow(label: texts[index], value: texts[index + 1]))
            index += 2
        }
        return rows
    }

    /// Calls `body` with each row ``innermostTableRows(maxOutputBytes:)`` gives, in the same
    /// order: its label, and a function giving its value. A caller that wants few of the
    /// rows renders only their values.
    ///
    /// ```swift
    /// document.forEachInnermostTableRow { label, value in
    ///     if label == "Name:" { name = value() }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - maxOutputBytes: A cap on the total text of the rows, as for
    ///     ``innermostTableRows(maxOutputBytes:)``.
    ///   - body: Called once per row; `value` may be called (once) during that call only.
    public func forEachInnermostTableRow(
        maxOutputBytes: Int = HTMLText.defaultMaxOutputBytes,
        _ body: (_ label: String, _ value: () -> String) -> Void
    ) {
        visitInnermostTableRows(maxOutputBytes: maxOutputBytes) { _, label, value in
            withoutActuallyEscaping(value) { value in body(label(), value) }
        }
    }

    /// ``forEachInnermostTableRow(maxOutputBytes:_:)`` for a caller that matches labels
    /// loosely (ignoring whitespace): a label cell that holds nothing but plain ASCII text
    /// comes as that text's bytes, not rendered.
    ///
    /// - Parameter body: Called once per row with `plainLabel`, the label cell's text as
    ///   written when it is plain (printable ASCII other than `<`, and tab, LF, FF, CR):
    ///   `label()` is those bytes with each whitespace run one space, trimmed; nil when the
    ///   cell is not that simple. `label` and `value` may be called during that call only.
    public func visitInnermostTableRows(
        maxOutputBytes: Int = HTMLText.defaultMaxOutputBytes,
        _ body: (_ plainLabel: UnsafeBufferPointer<UInt8>?, _ label: () -> String, _ value: () -> String) -> Void
    ) {
        guard let light, light.elementCount <= HTMLText.maxXPathElements,
              Self.cellsRenderWithinBudget(light, maxOutputBytes: maxOutputBytes) else {
            // The shared budget may run out (or libxml2's tree, or too many elements): the
            // rows as ``innermostTableRows(maxOutputBytes:)`` makes them.
            for row in innermostTableRows(maxOutputBytes: maxOutputBytes) { body(nil, { row.label }, { row.value }) }
            return
        }
        light.withView { tree in
            Self.forEachInnermostLightRow(in: tree) { first, second in
                body(Self.plainText(of: first, in: tree), { Self.renderedCell(first, in: tree, limit: maxOutputBytes) }, {
                    // A plain value cell renders to its words: written here, not by the renderer.
                    if let plain = Self.plainText(of: second, in: tree) { return Self.collapsedText(plain) }
                    return Self.renderedCell(second, in: tree, limit: maxOutputBytes)
                })
            }
        }
    }

    /// The text of `cell` when the renderer would write nothing else: at most one text node
    /// below it, of plain bytes (see ``isPlainText(_:)``), with only comments, inline
    /// elements (walked into) and dropped or hidden elements (never shown, skipped) around
    /// it. The empty buffer for a cell without text; nil for anything else (a line break,
    /// a block, a second text node, ...). Rendering writes such a text as its words, each
    /// whitespace run one space, trimmed.
    static func plainText(of cell: Int32, in tree: LightHTMLTreeView) -> UnsafeBufferPointer<UInt8>? {
        var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var texts = 0
        var node = tree.nodes[Int(cell)].firstChild
        while node >= 0 {
            let entry = tree.nodes[Int(node)]
            var descend = false
            switch entry.kind {
            case .text, .cdata:
                texts += 1
                guard texts == 1, entry.start >= 0, entry.count >= 0,
                      Int(entry.start) + Int(entry.count) <= tree.bytes.count else { return nil }
                text = UnsafeBufferPointer(rebasing: tree.bytes[Int(entry.start)..<Int(entry.start) + Int(entry.count)])
                guard isPlainText(text) else { return nil }
            case .comment, .document:
                break
            case .element:
                let kind = LightHTMLNames.kinds[Int(entry.name)]
                if kind == .dropped || tree.isHidden(node) { break }
                guard kind == .inline else { return nil }
                descend = true
            }
            if descend, entry.firstChild >= 0 {
                node = entry.firstChild
                continue
            }
            // The next node in document order below the cell.
            var current = node
            node = -1
            while true {
                let step = tree.nodes[Int(current)]
                if step.nextSibling >= 0 {
                    node = step.nextSibling
                    break
                }
                if step.parent == cell || step.parent <= 0 { break }
                current = step.parent
            }
        }
        return text
    }

    /// What a plain text (see ``plainText(of:in:)``) renders to: its words, each run of
    /// whitespace between them one space.
    static func collapsedText(_ text: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: text.count) { output in
            var count = 0
            var pendingSpace = false
            for byte in text {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    output[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                output[count] = byte
                count += 1
            }
            return count
        }
    }

    /// Printable ASCII other than `<` (written as is), and tab, LF, FF, CR (collapsible
    /// whitespace): bytes the renderer writes unchanged or as a collapsed space. (It drops
    /// other control bytes and reads `<![if` markers, so those are not plain.)
    static func isPlainText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in text {
            switch byte {
            case 0x20...0x7E: if byte == UInt8(ascii: "<") { return false }
            case 0x09, 0x0A, 0x0C, 0x0D: break
            default: return false
            }
        }
        return true
    }

    /// Whether all the cells of the document together render to less than `maxOutputBytes`,
    /// so the budget ``innermostTableRows(maxOutputBytes:)`` shares between them never cuts
    /// one and the cells can be rendered one by one, or not at all.
    ///
    /// A bound, not a count: rendering writes a text byte as at most 3 bytes (an invalid one
    /// becomes U+FFFD), and before each visible write at most two newlines and a space; a
    /// `<pre>` newline is one byte; an element adds at most a list marker (at most ten
    /// digits and "."), written byte by byte with its breaks. Text lives in `bytes`: 16 per
    /// byte and 64 per element cover that with room to spare.
    private static func cellsRenderWithinBudget(_ light: LightHTMLTree, maxOutputBytes: Int) -> Bool {
        let (textBound, textOverflow) = light.bytes.count.multipliedReportingOverflow(by: 16)
        let (elementBound, elementOverflow) = light.elementCount.multipliedReportingOverflow(by: 64)
        let (bound, sumOverflow) = textBound.addingReportingOverflow(elementBound)
        return !textOverflow && !elementOverflow && !sumOverflow && bound < maxOutputBytes
    }

    /// A cell's text, as ``renderedElementValues(of:in:maxOutputBytes:)`` renders it.
    private static func renderedCell<Tree: HTMLTree>(_ cell: Tree.Node, in tree: Tree, limit: Int) -> String {
        var renderer = TextRenderer(limit: limit)
        renderer.render(subtree: cell, in: tree, showingRoot: true)
        return renderer.sink.finish()
    }

    /// The ids of `tr`, `td` and `th` in ``LightHTMLNames/names`` (a test checks them).
    static let lightRowID: UInt8 = 12
    static let lightDataCellID: UInt8 = 13
    static let lightHeaderCellID: UInt8 = 14

    /// Calls `visit` with the first two cells of each innermost row with two or more cells,
    /// in document order, in one pass over the light tree's node array rather than a walk
    /// of the tree: the light parser appends every node as the last child of an open
    /// element, so the array is in document order and a node's ancestors come before it.
    /// A row is innermost when the next row in that order is not inside it (a row inside
    /// it would come before any row after it).
    private static func forEachInnermostLightRow(in tree: LightHTMLTreeView, _ visit: (Int32, Int32) -> Void) {
        let nodes = tree.nodes
        // The latest row, not yet known to be innermost; -1 for none.
        var pending = -1
        var index = 1
        while index < nodes.count {
            let node = nodes[index]
            if node.kind == .element, node.name == lightRowID {
                if pending >= 0, !isInside(index, pending, nodes) { visitCells(of: pending, in: tree, visit) }
                pending = index
            }
            index += 1
        }
        if pending >= 0 { visitCells(of: pending, in: tree, visit) }
    }

    /// Whether node `inner` is below node `outer` (both in the light tree's array): its
    /// ancestors, climbed while they come after `outer`, reach it. (At most the tree's depth
    /// of steps; a row after another's subtree stops at once, at a shared ancestor.)
    private static func isInside(_ inner: Int, _ outer: Int, _ nodes: UnsafeBufferPointer<LightHTMLTree.Node>) -> Bool {
        var ancestor = Int(nodes[inner].parent)
        while ancestor > outer { ancestor = Int(nodes[ancestor].parent) }
        return ancestor == outer
    }

    /// Calls `visit` with the first two `td`/`th` children of light row `row`, when it has two.
    private static func visitCells(of row: Int, in tree: LightHTMLTreeView, _ visit: (Int32, Int32) -> Void) {
        let nodes = tree.nodes
        var first: Int32 = -1
        var child = nodes[row].firstChild
        while child >= 0 {
            let node = nodes[Int(child)]
            if node.kind == .element, node.name == lightDataCellID || node.name == lightHeaderCellID {
                if first >= 0 {
                    visit(first, child)
                    return
                }
                first = child
            }
            child = node.nextSibling
        }
    }

    /// The first two cells of each innermost row with two or more cells, flattened (first,
    /// second, first, second, ...); nil when the document has too many elements for XPath.
    private func innermostRowCells<Tree: HTMLTree>(in tree: Tree) -> [Tree.Node]? {
        var candidates: [RowCandidate<Tree.Node>] = []
        // The rows currently open, innermost last: an index into `candidates`, or -1 for a
        // row with fewer than two cells (it can never be selected).
        var openRows: [Int] = []
        var elements = 0
        tree.forEachElement(
            enter: { element in
                elements += 1
                guard tree.isNamed(element, "tr") else { return }
                // Marking the nearest enclosing row is enough: that row, when it was entered,
                // marked its own enclosing row, and so on outwards.
                if let enclosing = openRows.last, enclosing >= 0 { candidates[enclosing].hasInnerRow = true }
                if let (first, second) = Self.firstTwoCells(of: element, in: tree) {
                    openRows.append(candidates.count)
                    candidates.append(RowCandidate(first: first, second: second))
                } else {
                    openRows.append(-1)
                }
            },
            leave: { element in
                if tree.isNamed(element, "tr") { openRows.removeLast() }
            })
        cacheElementCount(elements)
        guard elements <= HTMLText.maxXPathElements else { return nil }
        var cells: [Tree.Node] = []
        for candidate in candidates where !candidate.hasInnerRow {
            cells.append(candidate.first)
            cells.append(candidate.second)
        }
        return cells
    }

    /// The first two `td`/`th` children of a row, when it has at least two.
    private static func firstTwoCells<Tree: HTMLTree>(of row: Tree.Node, in tree: Tree) -> (Tree.Node, Tree.Node)? {
        var first: Tree.Node?
        var child = tree.firstChild(of: row)
        while let current = child {
            if tree.type(of: current) == .element, tree.isNamed(current, "td") || tree.isNamed(current, "th") {
                if let first { return (first, current) }
                first = current
            }
            child = tree.nextSibling(of: current)
        }
        return nil
    }
}

/// A row with two or more cells; `hasInnerRow` is set once a row turns up inside it.
private struct RowCandidate<Node> {
    var first: Node
    var second: Node
    var hasInnerRow = false
}
