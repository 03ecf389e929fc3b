/// The one table of everything a query can name: builtins, record schemas and
/// derived fields.
///
/// Evaluation, the checker, `cq help` and REPL completion all read it, so they
/// cannot disagree. Embedders start from ``standard`` (or the CircleCI registry
/// in `CQKit`) and add their own entries.
public struct BuiltinRegistry: Sendable {
    private var builtinsByName: [String: Builtin] = [:]
    private var schemasByName: [String: RecordSchema] = [:]
    private var derivedByType: [String: [String: DerivedField]] = [:]

    /// An empty registry.
    public init() {}

    /// Adds `builtin`, replacing any builtin of the same name.
    public mutating func register(_ builtin: Builtin) {
        builtinsByName[builtin.name] = builtin
    }

    /// Adds several builtins.
    public mutating func register(_ builtins: [Builtin]) {
        for builtin in builtins { register(builtin) }
    }

    /// Adds or replaces a record schema.
    public mutating func register(schema: RecordSchema) {
        schemasByName[schema.name] = schema
    }

    /// Adds a derived field; its schema entry is added to the record schema too.
    public mutating func register(derived: DerivedField) {
        derivedByType[derived.typeName, default: [:]][derived.field.name] = derived
        if let schema = schemasByName[derived.typeName] {
            schemasByName[derived.typeName] = schema.adding(derived.field)
        }
    }

    /// The builtin called `name`.
    public func builtin(named name: String) -> Builtin? { builtinsByName[name] }

    /// All builtins, sorted by name.
    public var builtins: [Builtin] { builtinsByName.values.sorted { $0.name < $1.name } }

    /// The schema called `name` (e.g. `Pipeline`).
    public func schema(named name: String) -> RecordSchema? { schemasByName[name] }

    /// All schemas, sorted by name.
    public var schemas: [RecordSchema] { schemasByName.values.sorted { $0.name < $1.name } }

    /// The derived field `field` of records of type `typeName`.
    public func derivedField(_ field: String, of typeName: String) -> DerivedField? {
        derivedByType[typeName]?[field]
    }

    /// The derived fields of records of type `typeName`, in schema order.
    public func derivedFields(of typeName: String) -> [DerivedField] {
        guard let fields = derivedByType[typeName] else { return [] }
        let order = schemasByName[typeName]?.fieldNames ?? []
        return fields.values.sorted {
            (order.firstIndex(of: $0.field.name) ?? .max) < (order.firstIndex(of: $1.field.name) ?? .max)
        }
    }
}

/// A field cq computes for records of one type, on demand.
///
/// The evaluator computes it when a query reads it or when the record is
/// displayed, and remembers the result for the rest of the evaluation. A pipeline's
/// outcome `state`, derived from its workflows, is one: it costs a request, so it
/// is computed only when used.
public struct DerivedField: Sendable {
    /// The record type it belongs to.
    public var typeName: String
    /// Its schema entry (name, type, summary); `isDerived` is set.
    public var field: RecordSchema.Field
    /// The requests computing it makes (empty: none), for `cq explain` and
    /// the planner, which computes request-making fields several rows at once.
    public var endpoints: [Endpoint]
    /// A key identifying the record for memoisation (e.g. its `id`), or `nil` to not memoise.
    public var memoKey: @Sendable (Record) -> String?
    /// Computes the value.
    public var compute: @Sendable (Record, EvaluationContext) async throws -> Value

    /// Creates a derived field.
    public init(
        typeName: String,
        field: RecordSchema.Field,
        endpoints: [Endpoint] = [],
        memoKey: @escaping @Sendable (Record) -> String? = { $0["id"]?.stringValue },
        compute: @escaping @Sendable (Record, EvaluationContext) async throws -> Value
    ) {
        var field = field
        field.isDerived = true
        self.typeName = typeName
        self.field = field
        self.endpoints = endpoints
        self.memoKey = memoKey
        self.compute = compute
    }
}
