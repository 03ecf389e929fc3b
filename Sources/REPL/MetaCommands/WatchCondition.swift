import CQ

/// Where `:watch SECONDS QUERY until CONDITION` splits: at the last `until`
/// that is a word of its own at the top level of the query, not a label
/// (`until: now()`), a field (`it.until`) or text in a string.
public enum WatchCondition {
    /// The query and the condition (nil without `until`; empty when nothing follows it).
    public static func split(_ text: String) -> (query: String, condition: String?) {
        let tokens = Lexer.tokenize(text).tokens.filter {
            if case .comment = $0.kind { false } else { $0.kind != .newline }
        }
        var depth = 0
        var split: Token?
        for (index, token) in tokens.enumerated() {
            if case .punctuation(let punctuation) = token.kind {
                if punctuation.closing != nil { depth += 1 }
                if punctuation.isClosing { depth = max(0, depth - 1) }
            }
            guard depth == 0, case .identifier("until") = token.kind else { continue }
            let next = index + 1 < tokens.count ? tokens[index + 1].kind : .endOfFile
            let previous = index > 0 ? tokens[index - 1].kind : .endOfFile
            if next == .punctuation(.colon) || previous == .punctuation(.dot) || index == 0 { continue }
            split = token
        }
        guard let split else { return (text, nil) }
        let utf8 = Array(text.utf8)
        let query = String(decoding: utf8[..<split.range.start], as: UTF8.self)
        let condition = String(decoding: utf8[min(split.range.end, utf8.count)...], as: UTF8.self)
        return (query.trimmingWhitespace(), condition.trimmingWhitespace())
    }
}
