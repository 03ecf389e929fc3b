/// The one table of everything a query can name: builtins, record schemas and
/// derived fields, and the help topics of the language's own words.
///
/// Evaluation, the checker, `cq help` and REPL completion all read it, so they
/// cannot disagree. Embedders start from ``standard`` (or the CircleCI registry
/// in `CQKit`) and add their own entries.
public struct BuiltinRegistry: Sendable {
    private var builtinsByName: [String: Builtin] = [:]
    private var schemasByName: [String: RecordSchema] = [:]
    private var derivedByType: [String: [String: DerivedField]] = [:]
    private var topicList: [LanguageTopic] = []
    private var topicIndexByWord: [String: Int] = [:]

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

    /// Adds a language topic, replacing any topic of the same name. Its name and
    /// aliases find it with ``topic(named:)``; a word already taken by another
    /// topic moves to the new one.
    public mutating func register(topic: LanguageTopic) {
        if let index = topicList.firstIndex(where: { $0.name == topic.name }) {
            topicList[index] = topic
        } else {
            topicList.append(topic)
        }
        topicIndexByWord = [:]
        for (index, registered) in topicList.enumerated() {
            for word in registered.words { topicIndexByWord[Self.topicKey(word)] = index }
        }
    }

    /// Adds several language topics.
    public mutating func register(topics: [LanguageTopic]) {
        for topic in topics { register(topic: topic) }
    }

    /// The topic `word` names, by name or alias (`each` finds `map`, `order by`
    /// finds `sort`). Case and runs of spaces do not matter; `…` and `...` are alike.
    public func topic(named word: String) -> LanguageTopic? {
        topicIndexByWord[Self.topicKey(word)].map { topicList[$0] }
    }

    /// All language topics, by category in ``LanguageTopic/Category`` order,
    /// then in the order they were registered.
    public var topics: [LanguageTopic] {
        LanguageTopic.Category.allCases.flatMap { category in topicList.filter { $0.category == category } }
    }

    private static func topicKey(_ word: String) -> String {
        word.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
            .map { $0 == "…" ? "..." : String($0) }.joined(separator: " ")
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
