extension HelpText {
    /// The language and builtin reference as Markdown, for the README (kept in
    /// sync by a test): one table per kind of keyword, operator and builtin.
    public var markdown: String {
        var text = ""
        for category in LanguageTopic.Category.allCases {
            let topics = registry.topics.filter { $0.category == category }
            guard !topics.isEmpty else { continue }
            text +=
                "\n**\(Self.markdownTitle(category.title))**\n\n| `cq help` | syntax | what it does |\n|---|---|---|\n"
            for topic in topics {
                text += "| \(Self.code(topic.name)) | \(Self.code(topic.syntax)) | \(Self.cell(topic.summary)) |\n"
            }
        }
        for (title, kinds) in Self.builtinSections {
            let builtins = registry.builtins.filter { kinds.contains($0.kind) }
            guard !builtins.isEmpty else { continue }
            text += "\n**\(Self.markdownTitle(title))**\n\n| builtin | what it does |\n|---|---|\n"
            for builtin in builtins {
                let write = builtin.effect == .writesAPI ? " *(write: needs `--allow-writes`)*" : ""
                text += "| \(Self.code(builtin.signature)) | \(Self.cell(builtin.summary))\(write) |\n"
            }
        }
        return text
    }

    /// A title with `|` shown as code: `Stages (after `|`)`.
    private static func markdownTitle(_ title: String) -> String {
        title.replacingOccurrences(of: "(after |)", with: "(after `|`)")
    }

    /// `text` as a code span in a table cell: `|` escaped, and doubled
    /// backticks around text that contains one.
    static func code(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "|", with: "\\|")
        return text.contains("`") ? "`` \(escaped) ``" : "`\(escaped)`"
    }

    /// `text` as a table cell: `|` escaped.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
