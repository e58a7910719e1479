/// SplitMix64: fast, and the same sequence on every platform, so a seed names one data set.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { self.state = seed &* 0x2545_F491_4F6C_DD1D &+ 0x1234_5678 }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0..<bound.
    mutating func below(_ bound: Int) -> Int { Int(self.next() % UInt64(max(1, bound))) }

    /// A uniform double in 0..<1.
    mutating func unit() -> Double { Double(self.next() >> 11) / Double(1 << 53) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { self.unit() < p }

    mutating func pick<T>(_ values: [T]) -> T { values[self.below(values.count)] }

    /// An index drawn with probability ∝ 1/(rank+1)^s (names, surnames: a few very common).
    mutating func zipf(_ count: Int, exponent s: Double = 1.0, table: inout [Double]) -> Int {
        if table.count != count {
            table = []
            var total = 0.0
            for rank in 0..<count {
                total += 1 / pow(Double(rank + 1), s)
                table.append(total)
            }
            table = table.map { $0 / total }
        }
        let u = self.unit()
        var low = 0, high = count - 1
        while low < high {
            let mid = (low + high) / 2
            if table[mid] < u { low = mid + 1 } else { high = mid }
        }
        return low
    }

    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, self.below(i + 1))
        }
    }
}

import Foundation
