/// `cq help` and `:help`, generated from the registry so they cannot drift
/// from what the evaluator and checker do.
///
/// One lookup answers every word: a language topic (`where`, `=~`,
/// `durations`), a builtin (`pipelines`) or a record type (`Job`).
public struct HelpText: Sendable {
    /// The registry described.
    public let registry: BuiltinRegistry

    /// Creates help over `registry`.
    public init(registry: BuiltinRegistry) {
        self.registry = registry
    }

    /// The builtin sections, in the order `cq help` and the README list them.
    static let builtinSections: [(title: String, kinds: [Builtin.Kind])] = [
        ("Sources", [.source]), ("Builtin stages (after |)", [.stage, .fanOut]), ("Aggregates", [.aggregate]),
        ("Functions", [.function]),
    ]

    /// The overview: the language's words by category, every builtin by kind
    /// with its summary, and the record types.
    public var overview: String {
        var text = "cq help WORD describes any word below: a keyword, an operator, a builtin or a record type.\n"
        let headingWidth = registry.topics.map(\.heading.count).max() ?? 0
        for category in LanguageTopic.Category.allCases {
            let topics = registry.topics.filter { $0.category == category }
            guard !topics.isEmpty else { continue }
            text += "\n\(category.title):\n"
            text += Self.table(topics.map { ($0.heading, $0.summary) }, width: headingWidth)
        }
        for (title, kinds) in Self.builtinSections {
            let builtins = registry.builtins.filter { kinds.contains($0.kind) }
            guard !builtins.isEmpty else { continue }
            text += "\n\(title):\n"
            text += Self.table(
                builtins.map { ($0.signature, $0.summary + ($0.effect == .writesAPI ? " [write]" : "")) })
        }
        let types = registry.schemas.map(\.name).filter { !$0.isEmpty }
        if !types.isEmpty { text += "\nRecord types (cq help TYPE for fields): \(types.joined(separator: ", "))\n" }
        return text
    }

    /// Help for one word — a language topic, builtin or record type — or `nil`
    /// when `word` is none of them.
    ///
    /// A word that is both a topic and a builtin (`first` is a keyword stage and
    /// a function; `duration` names the literals and a function) gets both: the
    /// one it is the name of first. Surrounding quotes or backticks are ignored,
    /// so `:help "=~"` works as `cq help '=~'` does.
    public func topic(_ word: String) -> String? {
        let name = Self.unquoted(word)
        let topic = registry.topic(named: name)
        let builtin = registry.builtin(named: name)
        switch (topic, builtin) {
        case (let topic?, let builtin?):
            return topic.name == name
                ? describe(topic) + "\n" + describe(builtin) : describe(builtin) + "\n" + describe(topic)
        case (let topic?, nil):
            return describe(topic)
        case (nil, let builtin?):
            return describe(builtin)
        case (nil, nil):
            return registry.schema(named: name).map(describe(_:))
        }
    }

    /// The closest known word to `word`, for "did you mean".
    public func suggestion(for word: String) -> String? {
        let words = registry.topics.flatMap(\.words) + registry.builtins.map(\.name) + registry.schemas.map(\.name)
        return Suggestions.closest(to: Self.unquoted(word), among: words)
    }

    private func describe(_ topic: LanguageTopic) -> String {
        var text = "\(topic.syntax)\n  \(topic.summary)\n"
        if !topic.details.isEmpty { text += "\n" + Self.wrap(topic.details, indent: 2) }
        text += "\n  Kind: \(Self.kindDescription(topic.category))"
        let also = topic.aliases.filter { $0 != topic.name }
        if !also.isEmpty { text += "; also found as \(also.joined(separator: ", "))" }
        text += "\n"
        if !topic.examples.isEmpty {
            text += "\n  Examples:\n" + topic.examples.map { "    \($0)\n" }.joined()
        }
        if !topic.related.isEmpty { text += "\n  See also: \(topic.related.joined(separator: ", "))\n" }
        return text
    }

    private func describe(_ builtin: Builtin) -> String {
        var text = "\(builtin.signature)\n  \(builtin.summary)\n"
        if !builtin.details.isEmpty { text += "\n" + Self.wrap(builtin.details, indent: 2) }
        text += "\n  Kind: \(kindDescription(builtin))"
        if !builtin.inputTypes.isEmpty { text += " of \(builtin.inputTypes.joined(separator: " or ")) rows" }
        text += "\n"
        if builtin.effect == .writesAPI { text += "  Changes CircleCI state: needs --allow-writes.\n" }
        if !builtin.parameters.isEmpty {
            text += "\n  Parameters:\n"
            for parameter in builtin.parameters {
                let label = parameter.isLabelRequired ? "\(parameter.name):" : parameter.name
                let optional = parameter.isRequired ? "" : " (optional)"
                text += "    \(label) \(parameter.type.displayName)\(optional)"
                text += parameter.summary.isEmpty ? "\n" : " — \(parameter.summary)\n"
            }
        }
        if case .fixed(let type) = builtin.result {
            text += "\n  Returns: \(type.displayName)\n"
            if let schema = type.recordSchema ?? type.elementType?.recordSchema, !schema.name.isEmpty {
                text += "  (cq help \(schema.name) lists its fields)\n"
            }
        }
        if !builtin.examples.isEmpty {
            text += "\n  Examples:\n" + builtin.examples.map { "    \($0)\n" }.joined()
        }
        return text
    }

    private func kindDescription(_ builtin: Builtin) -> String {
        switch builtin.kind {
        case .source: "source"
        case .function: "function"
        case .stage: "stage"
        case .fanOut: "fan-out stage"
        case .aggregate: "aggregate (in group by … with, as a stage, or over a list)"
        }
    }

    private static func kindDescription(_ category: LanguageTopic.Category) -> String {
        switch category {
        case .stage: "keyword stage"
        case .operator: "operator"
        case .expression: "expression"
        case .statement: "statement"
        }
    }

    /// Two aligned columns, the first as wide as its widest entry (or `width`), at most 28.
    static func table(_ rows: [(String, String)], width: Int? = nil) -> String {
        let width = min(28, width ?? rows.map(\.0.count).max() ?? 0)
        return rows.map { first, second in
            "  \(first)\(String(repeating: " ", count: max(1, width - first.count + 2)))\(second)\n"
        }.joined()
    }

    /// `text` broken into lines of at most `width` characters, each indented;
    /// its own line breaks are kept.
    static func wrap(_ text: String, indent: Int, width: Int = 100) -> String {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, margin.count + line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " \(word)"
            }
            lines.append(line)
        }
        return lines.map { $0.isEmpty ? "\n" : margin + $0 + "\n" }.joined()
    }

    /// `word` without one pair of surrounding quotes or backticks.
    static func unquoted(_ word: String) -> String {
        let trimmed = String(word.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        for quote: Character in ["\"", "'", "`"]
        where trimmed.count >= 2 && trimmed.first == quote && trimmed.last == quote {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}
