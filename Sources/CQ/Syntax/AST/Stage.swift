/// One stage of a pipeline, the part after a `|`.
public struct Stage: Sendable, Hashable {
    /// The kind of stage and its operands.
    public indirect enum Kind: Sendable, Hashable {
        /// `where condition`: keep rows for which the condition is true.
        case `where`(Expr)
        /// `select a, b.c, label: expr`: pick, rename and compute columns.
        case select([Column])
        /// `sort by key [asc|desc], …`; `sort` alone sorts the values themselves.
        case sort([SortKey])
        /// `group by key, … [with name: aggregate(…), …]`
        case group(keys: [Column], aggregates: [Column])
        /// `take n`, `first [n]`, `last [n]`, `skip n`.
        case slice(SliceKind, Expr?)
        /// `map expr` (also spelled `each expr`): replace each row with `expr`.
        case map(Expr)
        /// `distinct`, `distinct expr`, `distinct a, b`.
        case distinct([Column])
        /// Any other stage by name, with optional parenthesised arguments:
        /// `count`, `flatten`, `jobs`, `workflows`, `logs(step: "test")`,
        /// a user `def`, or an aggregate such as `avg(duration)`.
        case call(Identifier, [CallArgument])
    }

    /// What this stage is.
    public var kind: Kind
    /// Where it was written, from its first token (not the `|`) to its last.
    public var range: SourceRange

    /// Creates a stage node.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The four slicing stages.
public enum SliceKind: String, Sendable, Hashable, CaseIterable {
    /// `take n`: the first n rows.
    case take
    /// `first` (the first row itself) or `first n` (like `take n`).
    case first
    /// `last` (the last row itself) or `last n`.
    case last
    /// `skip n`: all but the first n rows.
    case skip
}

/// A column in `select`, `group by` or `distinct`: an expression and an optional label.
///
/// Without a label the column is named after the expression: a field path's
/// last component (`vcs.branch` → `branch`) or, for a call, the function and
/// its field argument (`avg(duration)` → `avg_duration`).
public struct Column: Sendable, Hashable {
    /// The explicit label (`label: expr`), if written.
    public var label: Identifier?
    /// The value of the column.
    public var value: Expr

    /// Creates a column.
    public init(label: Identifier? = nil, value: Expr) {
        self.label = label
        self.value = value
    }
}

/// A key of `sort by`.
public struct SortKey: Sendable, Hashable {
    /// The value rows are ordered by.
    public var value: Expr
    /// `desc` was written.
    public var descending: Bool

    /// Creates a sort key.
    public init(value: Expr, descending: Bool = false) {
        self.value = value
        self.descending = descending
    }
}
