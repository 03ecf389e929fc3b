/// The fields a record of some kind has: names, types, enum values and docs.
///
/// CircleCI record schemas are reflected from the client's models, which follow
/// the OpenAPI document; derived fields (a pipeline's outcome `state`, `duration`,
/// `url`) are added by the builtins that compute them.
public struct RecordSchema: Sendable, Hashable {
    /// The schema's name, e.g. `Pipeline`; records carry it as their `typeName`.
    public var name: String
    /// The fields in display order.
    public var fields: [Field]
    /// The columns a table shows for records of this schema when the query
    /// does not `select` its own: field names or dotted paths (`vcs.branch`),
    /// optionally with a header (`actor=trigger.actor.login`). Empty means
    /// every top-level field.
    public var tableColumns: [String]

    /// One field of a record schema.
    public struct Field: Sendable, Hashable {
        /// The field name, exactly as the API spells it.
        public var name: String
        /// The field's type.
        public var type: ValueType
        /// What the field means, for `cq help` and completion.
        public var summary: String
        /// Computed by cq rather than returned by the API.
        public var isDerived: Bool
        /// What aggregating this field over unfiltered rows gets wrong, if
        /// anything: a job's `duration` is waiting time for approval jobs.
        public var aggregationCaveat: AggregationCaveat?

        /// Creates a field.
        public init(
            _ name: String, _ type: ValueType, summary: String = "", isDerived: Bool = false,
            aggregationCaveat: AggregationCaveat? = nil
        ) {
            self.name = name
            self.type = type
            self.summary = summary
            self.isDerived = isDerived
            self.aggregationCaveat = aggregationCaveat
        }
    }

    /// A field whose meaning depends on the kind of row: aggregating it (in
    /// `group by … with`, or with an aggregate stage) over rows never filtered
    /// on ``discriminator`` draws a warning whose fix-it inserts ``filter``.
    ///
    /// A Job's `duration` is one: for an approval job it is the time the
    /// approval waited, so `p95` of durations per job name means little unless
    /// `where type == "build"` comes first.
    public struct AggregationCaveat: Sendable, Hashable {
        /// The field that tells the kinds of rows apart, e.g. `type`.
        public var discriminator: String
        /// The condition keeping the rows an aggregate usually means, e.g. `type == "build"`.
        public var filter: String
        /// The rows the warning is about, e.g. `approval jobs`.
        public var rows: String
        /// Why they distort the aggregate.
        public var reason: String

        /// Creates a caveat.
        public init(discriminator: String, filter: String, rows: String, reason: String) {
            self.discriminator = discriminator
            self.filter = filter
            self.rows = rows
            self.reason = reason
        }
    }

    /// Creates a schema.
    public init(name: String, fields: [Field], tableColumns: [String] = []) {
        self.name = name
        self.fields = fields
        self.tableColumns = tableColumns
    }

    /// The field called `name`, if any.
    public func field(_ name: String) -> Field? {
        fields.first { $0.name == name }
    }

    /// The field names in order.
    public var fieldNames: [String] { fields.map(\.name) }

    /// A copy with `field` added, or replacing the field of the same name in place.
    public func adding(_ field: Field) -> RecordSchema {
        var copy = self
        if let index = copy.fields.firstIndex(where: { $0.name == field.name }) {
            copy.fields[index] = field
        } else {
            copy.fields.append(field)
        }
        return copy
    }
}
