import NIOCore
import PostgresNIO

/// An array whose elements may be NULL, as one bound parameter (`$1::text[]` with NULLs):
/// PostgresNIO encodes `[T]` but not `[T?]`. Used to write many rows with one `unnest`.
struct NullableArray<Element: PostgresArrayEncodable>: PostgresEncodable {
    let elements: [Element?]

    init(_ elements: [Element?]) { self.elements = elements }

    static var psqlType: PostgresDataType { Element.psqlArrayType }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) throws {
        // Binary array: dimensions, has-nulls flag, element type, then (size, lower bound) per
        // dimension, then each element as a length-prefixed value (-1 for NULL).
        buffer.writeInteger(self.elements.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(self.elements.contains { $0 == nil } ? 1 : 0, as: Int32.self)
        buffer.writeInteger(Element.psqlType.rawValue)
        guard !self.elements.isEmpty else { return }
        buffer.writeInteger(Int32(self.elements.count))
        buffer.writeInteger(1, as: Int32.self)
        for element in self.elements {
            if let element {
                let lengthIndex = buffer.writerIndex
                buffer.writeInteger(0, as: Int32.self)
                let start = buffer.writerIndex
                try element.encode(into: &buffer, context: context)
                buffer.setInteger(Int32(buffer.writerIndex - start), at: lengthIndex)
            } else {
                buffer.writeInteger(-1, as: Int32.self)
            }
        }
    }
}
