/// Spellings that users of jq, nushell, KQL and SQL type first, and what cq
/// writes instead. The parser and the checker report each one with a fix-it
/// (the concrete replacement) and read it as meant, so one run still reports
/// every other problem.
public enum Habits {
    /// Stage words of other languages, followed by an operand, and the cq
    /// keyword stage each means: `| limit 5` is `| take 5`.
    public static let stageWords: [String: String] = [
        "limit": "take", "head": "take", "top": "take",  // SQL, jq/nushell, KQL
        "tail": "last", "offset": "skip",
        "filter": "where",  // jq, PRQL
        "project": "select", "get": "map",  // KQL, nushell
        "uniq": "distinct",
    ]

    /// Stage names of other languages used bare, and the cq stage each means:
    /// `| head` is `| first`, `| length` is `| count`.
    public static let bareStages: [String: String] = [
        "head": "first", "tail": "last", "length": "count", "uniq": "distinct", "size": "count",
    ]

    /// jq filters that take a path, used as stages: `sort_by(.x)` is `sort by x`.
    static let jqStageFunctions: Set<String> = ["sort_by", "group_by", "unique_by"]

    /// SQL's upper-case operators read as cq's, in operator position.
    static let upperCaseOperators: [String: BinaryOperator] = ["and": .and, "or": .or, "in": .in]

    /// The cq unit of a duration unit word (`days` → `d`, `h` → `h`), if it is one.
    static func durationUnit(_ word: String) -> String? {
        let lower = word.lowercased()
        if Lexer.durationUnits[lower] != nil { return lower }
        return Lexer.durationAliases[lower]
    }
}
