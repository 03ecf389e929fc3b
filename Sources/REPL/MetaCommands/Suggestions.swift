/// "Did you mean …?" for mistyped names.
enum Suggestions {
    /// The name in `names` closest to `word`: within a small edit distance, or
    /// failing that the one sharing the longest prefix of at least two characters.
    static func closest(to word: String, among names: [String]) -> String? {
        let limit = max(2, word.count / 3)
        let scored = names.map { (name: $0, distance: editDistance(word, $0)) }
        if let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit {
            return best.name
        }
        let prefixed = names.map { (name: $0, shared: sharedPrefixLength(word, $0)) }
        if let best = prefixed.max(by: { $0.shared < $1.shared }), best.shared >= 2 {
            return best.name
        }
        return nil
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    private static func sharedPrefixLength(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}
