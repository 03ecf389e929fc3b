/// A stage after binding, with the types flowing in and out.
public struct BoundStage: Sendable {
    /// The kind of stage and its bound operands.
    public enum Kind: Sendable {
        /// `where condition`.
        case `where`(BoundExpr)
        /// `select a, b: expr`.
        case select([BoundColumn])
        /// `map expr`.
        case map(BoundExpr)
        /// `sort by key, …`.
        case sort([BoundSortKey])
        /// `group by keys with aggregates`.
        case group(keys: [BoundColumn], aggregates: [BoundColumn])
        /// `take n`, `first [n]`, `last [n]`, `skip n`.
        case slice(SliceKind, BoundExpr?)
        /// `distinct`, `distinct a, b`.
        case distinct([BoundColumn])
        /// A builtin stage, fan-out, aggregate or function applied to the input.
        case call(BoundCall)
        /// A `def` stage or function applied to the input.
        case userCall(Identifier, [BoundExpr])
        /// Added by the planner: stop reading the input at the first row that
        /// is older than a bound, because the list comes newest first.
        case stopPaging(PagingStop)
        /// A stage that could not be bound: applying it throws `error`.
        case invalid(RuntimeError)
    }

    /// What it does.
    public var kind: Kind
    /// Where it was written (for a planner stage: the `where` it comes from).
    public var range: SourceRange
    /// The type of the data flowing in.
    public var inputType: ValueType
    /// The type of the data flowing out.
    public var type: ValueType
    /// Set by the planner: the stage's expressions make requests (a derived
    /// field such as a pipeline's `state`, an API call), so they are evaluated
    /// for several rows at once, output order unchanged.
    public var evaluatesConcurrently = false
    /// Set by the planner: a later stage stops reading early (`first`,
    /// `take`) and nothing between reads every row, so this stage's
    /// concurrent work starts one row ahead and reaches its full read-ahead
    /// only as rows are consumed: `where state == "failed" | first` asks for
    /// the states it needs, not a window's worth.
    public var feedsALimit = false

    /// Creates a bound stage.
    public init(_ kind: Kind, range: SourceRange, inputType: ValueType, type: ValueType) {
        self.kind = kind
        self.range = range
        self.inputType = inputType
        self.type = type
    }
}

/// A column of `select`, `group by` or `distinct`, with its resolved name.
public struct BoundColumn: Sendable {
    /// The column's name: its label, or one inferred from the expression.
    public var name: String
    /// Its value.
    public var value: BoundExpr
}

/// A key of `sort by`.
public struct BoundSortKey: Sendable {
    /// The value rows are ordered by.
    public var value: BoundExpr
    /// `desc` was written.
    public var descending: Bool
}

/// Where the planner stops reading a newest-first list: at the first row
/// whose `field` is before `bound` (or equal to it, unless `inclusive`).
public struct PagingStop: Sendable {
    /// The field path the list is ordered by, e.g. `["created_at"]`.
    public var field: [String]
    /// The constant the `where` compares with (`ago(7d)`), evaluated once.
    public var bound: BoundExpr
    /// `>=` rather than `>`: rows equal to the bound are still read.
    public var inclusive: Bool
}
