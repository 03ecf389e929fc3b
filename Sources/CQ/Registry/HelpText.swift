/// `cq help` and `:help`, generated from the registry so they cannot drift
/// from what the evaluator and checker do.
public struct HelpText: Sendable {
    /// The registry described.
    public let registry: BuiltinRegistry

    /// Creates help over `registry`.
    public init(registry: BuiltinRegistry) {
        self.registry = registry
    }

    /// The overview: every builtin by kind with its summary, and the record types.
    public var overview: String {
        var text = "Builtins (cq help NAME for details):\n"
        let sections: [(String, [Builtin.Kind])] = [
            ("Sources", [.source]), ("Stages (after |)", [.stage, .fanOut]), ("Aggregates", [.aggregate]),
            ("Functions", [.function]),
        ]
        for (title, kinds) in sections {
            let builtins = registry.builtins.filter { kinds.contains($0.kind) }
            guard !builtins.isEmpty else { continue }
            text += "\n\(title):\n"
            let width = min(28, builtins.map(\.signature.count).max() ?? 0)
            for builtin in builtins {
                let signature = builtin.signature
                let padding = String(repeating: " ", count: max(1, width - signature.count + 2))
                text += "  \(signature)\(padding)\(builtin.summary)\(builtin.effect == .writesAPI ? " [write]" : "")\n"
            }
        }
        text += "\nKeyword stages: where, select, sort by, group by … with, take, first, last, skip, map/each, distinct\n"
        let types = registry.schemas.map(\.name).filter { !$0.isEmpty }
        if !types.isEmpty { text += "\nRecord types (cq help TYPE for fields): \(types.joined(separator: ", "))\n" }
        return text
    }

    /// Help for one builtin or record type, or `nil` when `name` is neither.
    public func topic(_ name: String) -> String? {
        if let builtin = registry.builtin(named: name) { return describe(builtin) }
        if let schema = registry.schema(named: name) { return describe(schema) }
        return nil
    }

    /// The closest known topic to `name`, for "did you mean".
    public func suggestion(for name: String) -> String? {
        Suggestions.closest(to: name, among: registry.builtins.map(\.name) + registry.schemas.map(\.name))
    }

    private func describe(_ builtin: Builtin) -> String {
        var text = "\(builtin.signature)\n  \(builtin.summary)\n"
        if !builtin.details.isEmpty { text += "\n  \(builtin.details)\n" }
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

    private func describe(_ schema: RecordSchema) -> String {
        var text = "\(schema.name) records\n\n"
        let width = min(24, schema.fields.map(\.name.count).max() ?? 0)
        for field in schema.fields {
            let padding = String(repeating: " ", count: max(1, width - field.name.count + 2))
            var line = "  \(field.name)\(padding)\(field.type.displayName)"
            if field.isDerived { line += "  [derived by cq]" }
            text += line + "\n"
            if !field.summary.isEmpty { text += "      \(field.summary)\n" }
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
}

extension HelpText {
    /// The builtin reference as Markdown, for the README (kept in sync by a test).
    public var markdown: String {
        var text = ""
        let sections: [(String, [Builtin.Kind])] = [
            ("Sources", [.source]), ("Stages (after `|`)", [.stage, .fanOut]), ("Aggregates", [.aggregate]),
            ("Functions", [.function]),
        ]
        for (title, kinds) in sections {
            let builtins = registry.builtins.filter { kinds.contains($0.kind) }
            guard !builtins.isEmpty else { continue }
            text += "\n**\(title)**\n\n| builtin | what it does |\n|---|---|\n"
            for builtin in builtins {
                let write = builtin.effect == .writesAPI ? " *(write: needs `--allow-writes`)*" : ""
                text += "| `\(builtin.signature)` | \(builtin.summary.replacingOccurrences(of: "|", with: "\\|"))\(write) |\n"
            }
        }
        return text
    }
}

extension HelpText {
    /// A static type as the REPL's `:schema` shows it: a record type's fields,
    /// or the type's name.
    public func describe(_ type: ValueType) -> String {
        let isList = type.elementType != nil
        guard let schema = (type.elementType ?? type.unwrapped).recordSchema else {
            return "\(type.displayName)\n"
        }
        let title = schema.name.isEmpty ? "records" : "\(schema.name) records"
        var text = isList ? "list of \(title):\n" : "\(title):\n"
        let width = min(24, schema.fields.map(\.name.count).max() ?? 0)
        for field in schema.fields {
            let padding = String(repeating: " ", count: max(1, width - field.name.count + 2))
            text += "  \(field.name)\(padding)\(field.type.displayName)\(field.isDerived ? "  [derived]" : "")\n"
        }
        return text
    }
}
