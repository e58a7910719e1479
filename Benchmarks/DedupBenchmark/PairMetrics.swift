/// Pairwise precision, recall and F1 of a clustering against the true identities.
struct PairMetrics {
    var truePositives: Int
    var predictedPairs: Int
    var truePairs: Int
    /// Predicted pairs whose records belong to two builders.
    var crossBuilderPairs: Int

    var precision: Double { self.predictedPairs == 0 ? 1 : Double(self.truePositives) / Double(self.predictedPairs) }
    var recall: Double { self.truePairs == 0 ? 1 : Double(self.truePositives) / Double(self.truePairs) }
    var f1: Double { let p = self.precision, r = self.recall; return p + r == 0 ? 0 : 2 * p * r / (p + r) }

    init(clusters: [Int], records: [GeneratedRecord]) {
        func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
        var clusterSizes: [Int: Int] = [:]
        var identitySizes: [Int: Int] = [:]
        var cells: [Int64: Int] = [:]
        var clusterBuilder: [Int64: Int] = [:]
        for (i, r) in records.enumerated() {
            clusterSizes[clusters[i], default: 0] += 1
            identitySizes[r.identity, default: 0] += 1
            cells[Int64(clusters[i]) << 32 | Int64(r.identity), default: 0] += 1
            clusterBuilder[Int64(clusters[i]) << 32 | Int64(r.builder), default: 0] += 1
        }
        self.predictedPairs = clusterSizes.values.reduce(0) { $0 + pairs($1) }
        self.truePairs = identitySizes.values.reduce(0) { $0 + pairs($1) }
        self.truePositives = cells.values.reduce(0) { $0 + pairs($1) }
        let sameBuilderPairs = clusterBuilder.values.reduce(0) { $0 + pairs($1) }
        self.crossBuilderPairs = self.predictedPairs - sameBuilderPairs
    }
}

/// Union of merges and review edges: the clusters if a reviewer accepted every candidate.
func clustersWithReviews(leadOfRecord: [Int32], reviewEdges: [(record: Int32, lead: Int32)], leadCount: Int) -> [Int] {
    var parent = Array(0..<leadCount)
    func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
        return x
    }
    for edge in reviewEdges {
        let a = find(Int(leadOfRecord[Int(edge.record)])), b = find(Int(edge.lead))
        if a != b { parent[a] = b }
    }
    return leadOfRecord.map { find(Int($0)) }
}
