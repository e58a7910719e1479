internal import CLibXML2

extension LibXML {
    /// Visits the document's elements in document order without recursion, so no nesting
    /// depth can overflow the stack. `visit` returns false to stop the walk.
    static func forEachElement(in document: htmlDocPtr, _ visit: (xmlNodePtr) -> Bool) {
        var node = document.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                guard visit(current) else { return }
                if let child = current.pointee.children {
                    node = child
                    continue
                }
            }
            var climbing: xmlNodePtr? = current
            node = nil
            while let step = climbing {
                if let next = step.pointee.next {
                    node = next
                    break
                }
                // The document's own children have the document as parent: stop there.
                guard let parent = step.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
                climbing = parent
            }
        }
    }

    /// Like ``forEachElement(in:_:)``, but also tells when the walk leaves an element:
    /// `leave` runs after the element's whole subtree, so `enter`/`leave` pair up like
    /// start and end tags. Iterative, like every walk here.
    static func forEachElement(
        in document: htmlDocPtr,
        enter: (xmlNodePtr) -> Void,
        leave: (xmlNodePtr) -> Void
    ) {
        var node = document.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                enter(current)
                if let child = current.pointee.children {
                    node = child
                    continue
                }
                leave(current)
            }
            var climbing = current
            node = nil
            while true {
                if let next = climbing.pointee.next {
                    node = next
                    break
                }
                // The document's own children have the document as parent: stop there.
                guard let parent = climbing.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
                leave(parent)
                climbing = parent
            }
        }
    }
}
