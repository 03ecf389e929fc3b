/// Computes Tab completions from the text before the cursor: stages after
/// `|`, fields of the records flowing at that point (nested through `.`), enum
/// values after `==`, project slugs inside `pipelines("`, argument labels,
/// variables, functions and keywords, and `:` meta commands.
///
/// It is pure and fast: it lexes and parses the entry typed so far and asks the
/// ``Checker`` for types; it never evaluates anything or touches the network.
/// Project slugs come from `slugs`, which the REPL fills from a background cache.
public struct CompletionEngine: Sendable {
    /// Everything queries can name.
    public let registry: BuiltinRegistry
    /// Variables and functions defined earlier in the session.
    public var bindings: Checker.Bindings
    /// Known project slugs (collaborations, history, cache).
    public var slugs: [String]
    /// Meta commands with their argument completions (`:format` → formats);
    /// ``queryArgument`` as the only value means the command takes a query.
    public var metaCommands: [String: [String]]

    /// The argument list of a meta command whose argument is a query.
    public static let queryArgument = "QUERY"

    /// Creates an engine.
    public init(
        registry: BuiltinRegistry, bindings: Checker.Bindings = .init(), slugs: [String] = [],
        metaCommands: [String: [String]] = [:]
    ) {
        self.registry = registry
        self.bindings = bindings
        self.slugs = slugs
        self.metaCommands = metaCommands
    }

    /// The completion for `text` with the cursor at byte offset `cursor`.
    public func complete(_ text: String, cursor: Int) -> Completion {
        let cursor = min(max(0, cursor), text.utf8.count)
        let before = String(decoding: text.utf8.prefix(cursor), as: UTF8.self)
        if let meta = completeMetaCommand(before) { return meta }
        let lexed = Lexer.tokenize(before)
        let context = lexed.context(at: cursor, in: before)
        if context.isInsideComment { return .none(at: cursor) }
        let analysis = CursorAnalysis(context: context, text: before, cursor: cursor)
        var candidates: [Completion.Candidate]
        if context.isInsideString {
            candidates = stringCandidates(analysis)
        } else {
            candidates = codeCandidates(analysis)
        }
        candidates = Self.filter(candidates, prefix: analysis.prefix)
        return Completion(range: analysis.replaceRange, candidates: candidates)
    }

    /// Candidates whose text starts with `prefix` (case-insensitively), exact-case
    /// matches first, without duplicates.
    static func filter(_ candidates: [Completion.Candidate], prefix: String) -> [Completion.Candidate] {
        var seen = Set<String>()
        let lowered = prefix.lowercased()
        let matching = candidates.filter { $0.text.lowercased().hasPrefix(lowered) && seen.insert($0.text).inserted }
        return matching.sorted { a, b in
            let aExact = a.text.hasPrefix(prefix)
            let bExact = b.text.hasPrefix(prefix)
            if aExact != bExact { return aExact }
            return false
        }
    }

    private func completeMetaCommand(_ before: String) -> Completion? {
        guard !metaCommands.isEmpty, before.first == ":", !before.contains("\n") else { return nil }
        let words = before.split(separator: " ", omittingEmptySubsequences: false)
        let end = before.utf8.count
        if words.count == 1 {
            let candidates = metaCommands.keys.sorted().map { Completion.Candidate($0, suffix: " ", kind: .command) }
            return Completion(range: SourceRange(start: 0, end: end), candidates: Self.filter(candidates, prefix: before))
        }
        let word = String(words.last ?? "")
        let values = metaCommands[String(words[0])] ?? []
        if values == [Self.queryArgument] {
            // `:schema EXPR`, `:watch SECONDS QUERY`: complete the query after the command (and a number).
            var skip = words[0].utf8.count + 1
            if words.count > 2, Int(words[1]) != nil { skip += words[1].utf8.count + 1 }
            let query = String(decoding: before.utf8.dropFirst(skip), as: UTF8.self)
            var inner = complete(query, cursor: query.utf8.count)
            inner.range = SourceRange(start: inner.range.start + skip, end: inner.range.end + skip)
            return inner
        }
        let candidates = values.map { Completion.Candidate($0, suffix: " ", kind: .value) }
        return Completion(
            range: SourceRange(start: end - word.utf8.count, end: end), candidates: Self.filter(candidates, prefix: word))
    }
}
