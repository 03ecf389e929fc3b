import REPL

/// Completion over a fixed vocabulary, plus project slugs inside `pipelines("`.
struct FakeCompletions: CompletionProvider {
    static let words: [(word: String, suffix: String)] = [
        ("pipelines", "("), ("project", "("), ("projects", "("), ("where", " "), ("select", " "),
        ("state", " "), ("status", " "), ("café", " "), ("echo", " "), ("count", ""), ("sleep", " "),
    ]
    static let slugs = ["gh/acme/api", "gh/acme/web", "gh/acme/worker", "bb/other/thing"]

    func completions(for request: CompletionRequest) -> Completions {
        let text = request.text
        if let quote = openQuote(in: text), text[..<quote].hasSuffix("pipelines(") {
            let start = text.index(after: quote)
            let typed = text[start...]
            return Completions(
                replacementStart: text.utf8.distance(from: text.utf8.startIndex, to: start),
                candidates: Self.slugs.filter { $0.hasPrefix(typed) }.map { CompletionCandidate($0, suffix: "\")") })
        }
        let start = text.lastIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            .map { text.index(after: $0) } ?? text.startIndex
        let typed = text[start...]
        return Completions(
            replacementStart: text.utf8.distance(from: text.utf8.startIndex, to: start),
            candidates: Self.words.filter { $0.word.hasPrefix(typed) }.map {
                CompletionCandidate($0.word, suffix: $0.suffix)
            })
    }

    /// The position of the `"` that opens an unterminated string, if any.
    private func openQuote(in text: String) -> String.Index? {
        var open: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\"" { open = open == nil ? index : nil }
            index = text.index(after: index)
        }
        return open
    }
}
