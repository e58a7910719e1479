/// Texts for the eight-bytes-at-a-time scanners: each byte value alone at each of the
/// `positions` first places of `count` letters, so it falls in every lane of a word and in
/// the bytes after the last whole word.
func everyByteInEveryLane(positions: Int, count: Int) -> [(bytes: [UInt8], position: Int)] {
    (0...255).flatMap { value in
        (0..<positions).map { position in
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
            bytes[position] = UInt8(value)
            return (bytes, position)
        }
    }
}
