import Synchronization

extension LinearRegex {
    /// The compiled form of `pattern`, remembered: a `where name =~ "…"`
    /// compiles its pattern once, not once per row.
    public static func cached(_ pattern: String) throws(RegexSyntaxError) -> LinearRegex {
        if let regex = compiledPatterns.withLock({ $0[pattern] }) { return regex }
        let regex = try LinearRegex(pattern)
        compiledPatterns.withLock { patterns in
            if patterns.count >= 256 { patterns.removeAll(keepingCapacity: true) }
            patterns[pattern] = regex
        }
        return regex
    }

    private static let compiledPatterns = Mutex<[String: LinearRegex]>([:])
}

extension RegexSyntaxError {
    /// `invalid regular expression "(a": unmatched `(` at 0`.
    func description(of pattern: String) -> String {
        "invalid regular expression \"\(pattern)\": \(message) (at character \(offset + 1))"
    }
}

extension RegexLimitError {
    /// Why a match stopped.
    static let message = "the regular expression took too many steps on this text (over \(LinearRegex.stepBudget))"
}
