extension Stage {
    /// This stage as cq source text, without the leading `|`.
    public func printed() -> String {
        switch kind {
        case .where(let condition): "where " + condition.printed(atLeast: PrintLevel.expr)
        case .select(let columns): "select " + Column.printed(columns)
        case .sort(let keys):
            keys.isEmpty ? "sort" : "sort by " + keys.map(\.printed).joined(separator: ", ")
        case .group(let keys, let aggregates):
            "group by " + Column.printed(keys) + (aggregates.isEmpty ? "" : " with " + Column.printed(aggregates))
        case .slice(let kind, let count):
            kind.rawValue + (count.map { " " + $0.printed(atLeast: PrintLevel.expr) } ?? "")
        case .map(let value): "map " + value.printed(atLeast: PrintLevel.expr)
        case .distinct(let columns): columns.isEmpty ? "distinct" : "distinct " + Column.printed(columns)
        case .call(let name, let arguments):
            Self.stageName(name.name) + (arguments.isEmpty ? "" : "(" + CallArgument.printed(arguments) + ")")
        }
    }

    /// A called stage's name; stage keywords need backticks to stay calls.
    static func stageName(_ name: String) -> String {
        if name.isEmpty { return "<missing>" }
        return StageKeywords.all.contains(name) ? "`\(name)`" : Identifiers.spelled(name)
    }
}

extension Column {
    /// Columns separated by `, `.
    static func printed(_ columns: [Column]) -> String {
        columns.map { column in
            (column.label.map { RecordEntry.label($0.name) + ": " } ?? "") + column.value.printed(atLeast: PrintLevel.expr)
        }.joined(separator: ", ")
    }
}

extension SortKey {
    /// `value` or `value desc`.
    var printed: String {
        value.printed(atLeast: PrintLevel.expr) + (descending ? " desc" : "")
    }
}
