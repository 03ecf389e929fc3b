/// The text of `:help`, generated from the meta-command table.
enum HelpText {
    /// `:help` with no argument.
    static var overview: String {
        let rows = MetaCommandSpec.all.map { spec in
            (usage: ([spec.usage] + spec.aliases.map { ":" + $0 }).joined(separator: ", "), summary: spec.summary)
        }
        let width = rows.map(\.usage.count).max() ?? 0
        var text = "Meta commands:\n"
        for row in rows {
            text += "  " + row.usage + String(repeating: " ", count: width - row.usage.count + 2) + row.summary + "\n"
        }
        text += "Anything else is a query, e.g. pipelines(\"gh/acme/api\") | where state == \"failed\"\n"
        text += "Keys: Tab completes · Ctrl-R searches history · Ctrl-C cancels · Ctrl-D exits\n"
        return text
    }

    /// `:help NAME` for a meta command.
    static func describe(_ spec: MetaCommandSpec) -> String {
        var text = spec.usage + "\n  " + spec.summary + "\n"
        if !spec.aliases.isEmpty { text += "  also: " + spec.aliases.map { ":" + $0 }.joined(separator: ", ") + "\n" }
        return text
    }
}
