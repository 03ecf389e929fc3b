/// A regular expression that runs in time linear in the text, whatever the
/// pattern: `=~`, `!~`, `match` and `replace` use it, so a pattern such as
/// `(a+)+$` can never hang a query.
///
/// The syntax is the common one (see ``RegexParser``): literals, `.`,
/// `[…]`, `\d \w \s` and their negations, `\b`, `^ $`, groups, `|`, and
/// `* + ? {m,n}` greedy or lazy; `(?i)` first ignores ASCII case.
/// Backreferences and lookaround, which need backtracking, are refused with
/// a clear message. Matching works on Unicode scalars. Each search is also
/// bounded by a step budget, so a huge text fails clearly instead of
/// running for minutes.
public struct LinearRegex: Sendable {
    private let program: RegexProgram
    /// The number of capture groups.
    public let groupCount: Int

    /// The most steps one search may take (threads × text positions).
    public static let stepBudget = 50_000_000

    /// Compiles `pattern`.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern)
        let node = try parser.parse()
        program = try RegexProgram(node, groups: parser.groupCount, ignoresCase: parser.ignoresCase)
        groupCount = parser.groupCount
    }

    /// Whether the pattern matches anywhere in `text`.
    ///
    /// - Parameter budget: the most steps the search may take.
    public func matches(_ text: String, budget: Int = stepBudget) throws(RegexLimitError) -> Bool {
        try vm(budget).firstMatch(in: Array(text.unicodeScalars), from: 0) != nil
    }

    /// The first match and its groups (`nil` for a group that took no part),
    /// or `nil` when there is none.
    public func firstMatch(in text: String, budget: Int = stepBudget) throws(RegexLimitError) -> [String?]? {
        let scalars = Array(text.unicodeScalars)
        guard let slots = try vm(budget).firstMatch(in: scalars, from: 0) else { return nil }
        return (0...groupCount).map { group in
            let start = slots[2 * group]
            let end = slots[2 * group + 1]
            guard start >= 0, end >= start else { return nil }
            return Self.string(scalars[start..<end])
        }
    }

    /// `text` with every non-overlapping match replaced by `replacement`, taken literally.
    public func replacingMatches(in text: String, with replacement: String, budget: Int = stepBudget)
        throws(RegexLimitError) -> String
    {
        let scalars = Array(text.unicodeScalars)
        let vm = vm(budget)
        var result = String.UnicodeScalarView()
        var position = 0
        while position <= scalars.count, let slots = try vm.firstMatch(in: scalars, from: position) {
            let (start, end) = (slots[0], slots[1])
            result.append(contentsOf: scalars[position..<start])
            result.append(contentsOf: replacement.unicodeScalars)
            if end == start {
                // An empty match: keep the next scalar and move past it.
                if end < scalars.count { result.append(scalars[end]) }
                position = end + 1
            } else {
                position = end
            }
        }
        if position < scalars.count { result.append(contentsOf: scalars[position...]) }
        return String(result)
    }

    private func vm(_ budget: Int) -> PikeVM { PikeVM(program: program, budget: budget) }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
