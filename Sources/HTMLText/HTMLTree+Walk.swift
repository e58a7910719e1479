extension HTMLTree {
    /// Visits the document's elements in document order without recursion, so no nesting
    /// depth can overflow the stack. `visit` returns false to stop the walk.
    func forEachElement(_ visit: (Node) -> Bool) {
        var node = firstDocumentChild
        while let current = node {
            if type(of: current) == .element {
                guard visit(current) else { return }
                if let child = firstChild(of: current) {
                    node = child
                    continue
                }
            }
            var climbing: Node? = current
            node = nil
            while let step = climbing {
                if let next = nextSibling(of: step) {
                    node = next
                    break
                }
                climbing = parent(of: step)
            }
        }
    }

    /// Like ``forEachElement(_:)``, but also tells when the walk leaves an element:
    /// `leave` runs after the element's whole subtree, so `enter`/`leave` pair up like
    /// start and end tags. Iterative, like every walk here.
    func forEachElement(enter: (Node) -> Void, leave: (Node) -> Void) {
        var node = firstDocumentChild
        while let current = node {
            if type(of: current) == .element {
                enter(current)
                if let child = firstChild(of: current) {
                    node = child
                    continue
                }
                leave(current)
            }
            var climbing = current
            node = nil
            while true {
                if let next = nextSibling(of: climbing) {
                    node = next
                    break
                }
                guard let parent = parent(of: climbing) else { break }
                leave(parent)
                climbing = parent
            }
        }
    }
}
