/// "Did you mean …?" suggestions, by edit distance.
///
/// Used by the parser and by the checker for fields, functions, stages and
/// enum values. Comparison ignores case and treats `-` and `_` alike, so
/// `project-slug` suggests `project_slug` and `Status` suggests `status`.
public enum Suggestions {
    /// The candidate closest to `name`, if one is close enough to be a likely typo.
    ///
    /// The allowed distance grows with the length of `name`: 1 edit up to 4
    /// characters, 2 up to 8, 3 beyond. A transposition (`stauts`) counts as one
    /// edit; a candidate that starts with a name of three or more characters
    /// (`failed` for `fail`) qualifies too. Ties go to the candidate whose case
    /// matches best, then to the alphabetically first. An exact match returns
    /// `nil`: there is nothing to suggest.
    public static func closest<S: Sequence<String>>(to name: String, among candidates: S) -> String? {
        ranked(for: name, among: candidates).first
    }

    /// The closest enum value to `text`: as ``closest(to:among:)``, or else the
    /// only value that `text` (at least 3 characters) begins: `"fail"` →
    /// `"failed"`. Enum values are short, so a truncated one is a likely slip.
    public static func closest(toValue text: String, among values: [String]) -> String? {
        closest(to: text, among: values) ?? completion(of: text, among: values)
    }

    /// The only candidate that `name` begins, if there is exactly one.
    static func completion(of name: String, among candidates: [String]) -> String? {
        let key = normalized(name)
        guard key.count >= 3 else { return nil }
        let completions = Set(candidates.filter { $0 != name && normalized($0).starts(with: key) })
        return completions.count == 1 ? completions.first : nil
    }

    /// All candidates close enough to `name`, best first.
    public static func ranked<S: Sequence<String>>(for name: String, among candidates: S) -> [String] {
        let key = normalized(name)
        let limit = maximumDistance(forLength: key.count)
        var scored: [(distance: Int, caseDistance: Int, candidate: String)] = []
        for candidate in Set(candidates) where candidate != name {
            let normalizedCandidate = normalized(candidate)
            var distance = editDistance(key, normalizedCandidate, limit: limit)
            // A word typed short (`fail` for `failed`) is a likely intent too.
            if key.count >= 3, normalizedCandidate.starts(with: key) { distance = min(distance, limit) }
            guard distance <= limit else { continue }
            let caseDistance = editDistance(Array(name), Array(candidate), limit: limit + key.count)
            scored.append((distance, caseDistance, candidate))
        }
        return scored.sorted { ($0.distance, $0.caseDistance, $0.candidate) < ($1.distance, $1.caseDistance, $1.candidate) }
            .map(\.candidate)
    }

    /// The most edits a suggestion may be away from a name of `length` characters.
    static func maximumDistance(forLength length: Int) -> Int {
        switch length {
        case ..<5: 1
        case ..<9: 2
        default: 3
        }
    }

    /// The optimal-string-alignment (restricted Damerau–Levenshtein) distance
    /// between `a` and `b`; any value above `limit` is reported as `limit + 1`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int = .max) -> Int {
        if abs(a.count - b.count) > limit { return limit == .max ? limit : limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            var rowMinimum = row[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                row[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, row) = (previous, row, previousPrevious)
        }
        return previous[b.count]
    }

    private static func normalized(_ name: String) -> [Character] {
        name.lowercased().map { $0 == "-" ? "_" : $0 }
    }
}
