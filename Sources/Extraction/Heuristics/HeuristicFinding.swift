/// A value a heuristic found, with the line it came from and the rule that found it.
struct HeuristicFinding<Value> {
    var value: Value
    /// 1-based line of the text.
    var line: Int
    /// What found it, without the `heuristic: ` prefix (`"budget phrase"`).
    var rule: String
}
