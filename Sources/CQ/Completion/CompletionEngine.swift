/// Computes Tab completions from the text before the cursor: stages after
/// `|`, fields of the records flowing at that point (nested through `.`), enum
/// values after `==`, project slugs inside `pipelines("`, branch, workflow and
/// job names inside strings that hold them (``NameRules``), argument labels,
/// variables, functions and keywords.
///
/// It is pure and fast: it lexes and parses the entry typed so far and asks the
/// ``Checker`` for types; it never evaluates anything or touches the network.
/// Project slugs come from `slugs` and names from `projectNames`, which the
/// REPL fills from a background cache.
public struct CompletionEngine: Sendable {
    /// Everything queries can name.
    public let registry: BuiltinRegistry
    /// Variables and functions defined earlier in the session.
    public var bindings: Checker.Bindings
    /// Known project slugs (collaborations, history, cache).
    public var slugs: [String]
    /// Branch, workflow and job names of known projects, by project slug.
    public var projectNames: [String: ProjectNames]
    /// The project a query means when it names none (`:use`).
    public var defaultProject: String?
    /// Which strings hold branch, workflow and job names.
    public var nameRules: NameRules

    /// Creates an engine.
    public init(
        registry: BuiltinRegistry, bindings: Checker.Bindings = .init(), slugs: [String] = [],
        projectNames: [String: ProjectNames] = [:], defaultProject: String? = nil, nameRules: NameRules = .standard
    ) {
        self.registry = registry
        self.bindings = bindings
        self.slugs = slugs
        self.projectNames = projectNames
        self.defaultProject = defaultProject
        self.nameRules = nameRules
    }

    /// The completion for `text` with the cursor at byte offset `cursor`.
    public func complete(_ text: String, cursor: Int) -> Completion {
        let cursor = min(max(0, cursor), text.utf8.count)
        let before = String(decoding: text.utf8.prefix(cursor), as: UTF8.self)
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
}
