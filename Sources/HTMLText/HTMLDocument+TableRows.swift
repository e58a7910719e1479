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
        guard let light, light.elementCount <= HTMLText.maxXPathElements,
              Self.cellsRenderWithinBudget(light, maxOutputBytes: maxOutputBytes) else {
            // The shared budget may run out (or libxml2's tree, or too many elements): the
            // rows as ``innermostTableRows(maxOutputBytes:)`` makes them.
            for row in innermostTableRows(maxOutputBytes: maxOutputBytes) { body(row.label) { row.value } }
            return
        }
        light.withView { tree in
            Self.forEachInnermostRow(in: tree) { first, second in
                body(Self.renderedCell(first, in: tree, limit: maxOutputBytes)) {
                    Self.renderedCell(second, in: tree, limit: maxOutputBytes)
                }
            }
        }
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

    /// Calls `visit` with the first two cells of each innermost row with two or more cells,
    /// in document order, during one walk: a row is known to be innermost when the walk
    /// leaves it, and innermost rows never nest, so they end in the order they start.
    private static func forEachInnermostRow<Tree: HTMLTree>(in tree: Tree, _ visit: (Tree.Node, Tree.Node) -> Void) {
        // The rows currently open, innermost last.
        var openRows: [RowCandidate<Tree.Node>?] = []
        tree.forEachElement(
            enter: { element in
                guard tree.isNamed(element, "tr") else { return }
                // Marking the nearest enclosing row is enough: that row, when it was entered,
                // marked its own enclosing row, and so on outwards.
                if let enclosing = openRows.indices.last { openRows[enclosing]?.hasInnerRow = true }
                openRows.append(firstTwoCells(of: element, in: tree).map { RowCandidate(first: $0.0, second: $0.1) })
            },
            leave: { element in
                guard tree.isNamed(element, "tr"), let row = openRows.popLast() else { return }
                if let row, !row.hasInnerRow { visit(row.first, row.second) }
            })
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
