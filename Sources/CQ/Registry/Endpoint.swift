/// One kind of HTTP request a builtin (or a derived field) makes, declared as
/// data so that `cq explain` can describe it and ``QueryPlanner`` can push
/// `where` conditions into it.
///
/// ```swift
/// Endpoint(
///     "listPipelinesForProject", path: "/project/{project}/pipeline",
///     query: [.init("branch", from: "branch")], isPaged: true,
///     filters: [.init(["vcs", "branch"], .equal, parameter: "branch")],
///     order: .newestFirst(["created_at"]))
/// ```
public struct Endpoint: Sendable, Hashable {
    /// The OpenAPI `operationId`, e.g. `listPipelinesForProject`.
    public var operation: String
    /// `GET`, `POST`, …
    public var method: String
    /// The path below the API root. `{name}` stands for the argument `name`,
    /// `{.field}` for a field of the input row (fan-outs), `{…}` for anything else.
    public var path: String
    /// The query parameters it sends.
    public var query: [QueryItem]
    /// A list read page by page (`next_page_token`).
    public var isPaged: Bool
    /// How often the request is made.
    public var repetition: Repetition
    /// When this endpoint is the one used (e.g. `mine: true`); `nil` for always.
    public var condition: Condition?
    /// `where` conditions on the records it returns that the API can apply itself.
    public var filters: [FieldFilter]
    /// The order the list comes in, if the API guarantees one.
    public var order: ListOrder?
    /// What a response cache may keep.
    public var caching: Caching
    /// The answer is remembered for the rest of the query: a later stage or
    /// derived field that needs it for the same row does not request it again.
    public var isRemembered: Bool

    /// Creates an endpoint description.
    public init(
        _ operation: String, method: String = "GET", path: String, query: [QueryItem] = [], isPaged: Bool = false,
        repetition: Repetition = .once, when condition: Condition? = nil, filters: [FieldFilter] = [],
        order: ListOrder? = nil, caching: Caching = .shortLived, isRemembered: Bool = false
    ) {
        self.operation = operation
        self.method = method
        self.path = path
        self.query = query
        self.isPaged = isPaged
        self.repetition = repetition
        self.condition = condition
        self.filters = filters
        self.order = order
        self.caching = caching
        self.isRemembered = isRemembered
    }

    /// How often a request is made.
    public enum Repetition: Sendable, Hashable {
        /// Once per call (paged lists: once per page).
        case once
        /// Once per input row (fan-outs, derived fields).
        case perRow
        /// Once per item the previous endpoint returned, e.g. per workflow.
        case perItem(String)
    }

    /// When an endpoint applies.
    public enum Condition: Sendable, Hashable {
        /// The boolean argument is `true`.
        case isTrue(String)
        /// The argument is given.
        case given(String)
        /// The argument is absent.
        case absent(String)
        /// The input rows are records of this type.
        case input(String)
    }

    /// A query parameter: `name=value`.
    public struct QueryItem: Sendable, Hashable {
        /// Where the value comes from.
        public enum Value: Sendable, Hashable {
            /// The argument of this name, when given.
            case argument(String)
            /// A fixed value.
            case constant(String)
        }

        /// The parameter name as sent, e.g. `start-date`.
        public var name: String
        /// Its value.
        public var value: Value
        /// When it is sent; `nil`: whenever its value is known.
        public var condition: Condition?

        /// `name=<argument>`, sent when the argument is given.
        public init(_ name: String, from argument: String) {
            self.name = name
            self.value = .argument(argument)
        }

        /// `name=value`, sent when `condition` holds.
        public init(_ name: String, constant value: String, when condition: Condition? = nil) {
            self.name = name
            self.value = .constant(value)
            self.condition = condition
        }
    }

    /// A `where` comparison on a field of the returned records that a
    /// parameter of the builtin makes the API apply.
    public struct FieldFilter: Sendable, Hashable {
        /// The field path, e.g. `["vcs", "branch"]`.
        public var field: [String]
        /// The comparison it serves.
        public var comparison: Comparison
        /// The builtin's parameter that takes the compared value.
        public var parameter: String
        /// Another parameter the API needs with this one (`end-date` needs `start-date`).
        public var requires: String?
        /// When the filter may be used: the call's arguments must make it
        /// return every row the `where` keeps (e.g. all branches, not only the default one).
        public var condition: Condition?

        /// Creates a filter.
        public init(
            _ field: [String], _ comparison: Comparison, parameter: String, requires: String? = nil,
            when condition: Condition? = nil
        ) {
            self.field = field
            self.comparison = comparison
            self.parameter = parameter
            self.requires = requires
            self.condition = condition
        }

        /// Comparisons a parameter can serve. The API may return more than the
        /// `where` keeps (cq still applies it); never less.
        public enum Comparison: Sendable, Hashable {
            /// `field == value`.
            case equal
            /// `field > value` or `field >= value`: the API returns those at or after it.
            case atOrAfter
            /// `field < value`: the API returns those before it.
            case before
        }
    }

    /// The order of a list.
    public enum ListOrder: Sendable, Hashable {
        /// Newest first by the timestamp field at this path: a `where field > T`
        /// can stop paging at the first older row.
        case newestFirst([String])
    }

    /// What a response cache may keep of this endpoint's answers.
    public enum Caching: Sendable, Hashable {
        /// Kept for a short time only (lists, anything still running).
        case shortLived
        /// Kept for good once what it describes has finished.
        case untilFinished
        /// Never changes: kept for good.
        case permanent
        /// Never stored (secrets, writes).
        case never
    }
}
