/// What pressing Tab does to the line, decided without touching the terminal.
enum CompletionPlan: Sendable, Hashable {
    /// Nothing matches: beep.
    case beep
    /// Replace the typed token with this text (the only candidate plus its suffix).
    case replace(String)
    /// Several candidates: replace the token with their longest common prefix when
    /// that adds something (nil otherwise), and list their display forms.
    case list(replacement: String?, items: [String])

    /// Decides the plan for the token `typed` and the provider's candidates.
    static func make(typed: String, candidates: [CompletionCandidate]) -> CompletionPlan {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0.replacement).inserted }
        guard let first = unique.first else { return .beep }
        if unique.count == 1 { return .replace(first.replacement + first.suffix) }
        let prefix = longestCommonPrefix(unique.map(\.replacement))
        let extends = prefix != typed && prefix.count >= typed.count
            && prefix.lowercased().hasPrefix(typed.lowercased())
        return .list(replacement: extends ? prefix : nil, items: unique.map(\.display))
    }

    /// The longest prefix, in whole characters, shared by all `strings`.
    static func longestCommonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map({ Substring($0) }) else { return "" }
        for string in strings.dropFirst() {
            var end = prefix.startIndex
            var other = string.startIndex
            while end < prefix.endIndex, other < string.endIndex, prefix[end] == string[other] {
                end = prefix.index(after: end)
                other = string.index(after: other)
            }
            prefix = prefix[..<end]
        }
        return String(prefix)
    }
}
