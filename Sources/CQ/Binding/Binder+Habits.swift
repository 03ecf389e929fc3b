/// What the checker knows that the parser cannot: which names are fields,
/// which values an enum field takes. Habits from other languages that only
/// the types reveal are reported here, each with a fix-it.
extension Binder {
    // MARK: Nested fields

    /// A field of a nested record: the dotted path a query writes, and its own name.
    typealias NestedField = (path: String, name: String)

    /// Every field of the records nested in `schema` (not its own fields), shallowest first.
    static func nestedFields(of schema: RecordSchema, prefix: String = "", depth: Int = 0) -> [NestedField] {
        guard depth < 4 else { return [] }
        var paths: [(path: String, name: String, depth: Int)] = []
        for field in schema.fields {
            let held = (field.type.elementType ?? field.type).unwrapped
            guard let nested = held.recordSchema else { continue }
            let path = prefix + field.name + "."
            for inner in nested.fields { paths.append((path + inner.name, inner.name, depth)) }
            paths += nestedFields(of: nested, prefix: path, depth: depth + 1).map { ($0.path, $0.name, depth + 1) }
        }
        return paths.sorted { $0.depth < $1.depth }.map { ($0.path, $0.name) }
    }

    /// A field nested in `schema` that `name` means: one named exactly `name`
    /// (`branch` → `vcs.branch`), or else one whose name is a likely typo of it,
    /// with any other exact matches.
    static func nestedSuggestion(
        for name: String, in schema: RecordSchema
    ) -> (path: String, others: [String], isExact: Bool)? {
        let nested = nestedFields(of: schema)
        let exact = nested.filter { $0.name == name }.map(\.path)
        if let first = exact.first { return (first, Array(exact.dropFirst()), true) }
        guard let close = Suggestions.closest(to: name, among: nested.map(\.name)),
            let path = nested.first(where: { $0.name == close })?.path
        else { return nil }
        return (path, [], false)
    }

    // MARK: Bare values

    /// Whether `name`, bare, names nothing here: no local, variable, function
    /// or field of a row whose fields are known.
    func namesNothing(_ name: String, in scope: BindScope) -> Bool {
        if scope.locals[name] != nil || scope.variables[name] != nil || scope.functions[name] != nil { return false }
        guard let row = scope.row else { return registry.builtin(named: name) == nil }
        guard let schema = row.recordSchema, !schema.name.isEmpty || !schema.fields.isEmpty else { return false }
        return schema.field(name) == nil
    }

    /// `status == failed`: a bare word that names nothing, compared with an
    /// enum field that has it (or something close) as a value, or with a
    /// string field, is the quoted value meant. Reported with the quoted
    /// value as the fix-it and bound as that string; `nil` when `expr` is not such a word.
    mutating func bareValue(_ expr: Expr, comparedWith type: ValueType, subject: Expr, in scope: BindScope)
        -> BoundExpr?
    {
        guard case .name(let word) = expr.kind, namesNothing(word, in: scope) else { return nil }
        let fields = scope.row?.recordSchema?.fieldNames ?? []
        let value: String
        if let values = type.enumValues, values.contains(word) {
            value = word
        } else if Self.literalSpellings[word.lowercased()] != nil {
            return nil  // `NULL`, `True`: reported as literals
        } else if let values = type.enumValues, !values.isEmpty {
            // Close to a value and to no field: a value typed short (`fail`).
            guard let close = Suggestions.closest(toValue: word, among: values),
                Suggestions.closest(to: word, among: fields) == nil
            else { return nil }
            value = close
        } else if type.unwrapped == .string, Suggestions.closest(to: word, among: fields + scope.variables.keys) == nil
        {
            value = word
        } else {
            return nil
        }
        let quoted = "\"\(value)\""
        var notes = ["\(Self.subjectName(subject)) is compared with text, which is quoted: \(quoted)"]
        if let values = type.enumValues {
            notes.append(
                "\(Self.subjectName(subject)) is one of: \(values.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        let place = scope.row?.recordSchema.map { $0.name.isEmpty ? "these records" : "\($0.name) records" }
        report(
            "unquoted-value",
            "`\(word)` is not \(place.map { "a field of \($0)" } ?? "defined"); did you mean \(quoted)?",
            at: expr.range, notes: notes, fixIt: Diagnostic.FixIt(range: expr.range, replacement: quoted))
        return BoundExpr(.literal(.string(value)), range: expr.range, type: .string)
    }

    /// Other languages' spellings of cq's literals, lower-cased.
    static let literalSpellings: [String: (String, ValueType)] = [
        "null": ("null", .null), "nil": ("null", .null), "none": ("null", .null),
        "true": ("true", .bool), "false": ("false", .bool),
    ]

    /// `NULL`, `TRUE`, `None`, `nil`: another language's spelling of a literal
    /// that names nothing here; reported with cq's spelling.
    mutating func foreignLiteral(_ name: String, at range: SourceRange) -> ValueType? {
        guard let (literal, type) = Self.literalSpellings[name.lowercased()], name != literal else { return nil }
        report(
            "foreign-literal", "`\(name)` is spelled `\(literal)` in cq", at: range,
            fixIt: Diagnostic.FixIt(range: range, replacement: literal))
        return type
    }

    // MARK: `=` in arguments

    /// `count(status = "failed")`: an argument written `name = value` (which
    /// the parser reports as a label with `=`) is a label when `callee` has a
    /// parameter of that name, and the comparison `name == value` when `name`
    /// is a field or variable here: reported with `==` as the fix-it.
    mutating func resolvingEquals(_ arguments: [CallArgument], of callee: Identifier, in scope: BindScope)
        -> [CallArgument]
    {
        guard arguments.contains(where: { $0.equalsRange != nil }) else { return arguments }
        let parameters = registry.builtin(named: callee.name)?.parameters.map(\.name) ?? []
        return arguments.map { argument in
            guard let equals = argument.equalsRange, let label = argument.label, !parameters.contains(label.name),
                !namesNothing(label.name, in: scope)
            else { return argument }
            report(
                "assignment-in-expression", "`=` assigns only in `let`; did you mean `==`?", at: equals,
                notes: [
                    "`\(label.name)` is not an argument of \(callee.name) but a field, so this reads as a comparison"
                ],
                fixIt: Diagnostic.FixIt(range: equals, replacement: "=="))
            let name = Expr(.name(label.name), range: label.range)
            let comparison = Expr(
                .binary(.equal, name, argument.value), range: label.range.union(argument.value.range))
            return CallArgument(value: comparison)
        }
    }

    // MARK: Aggregation caveats

    /// Warns when an aggregate reads a field with an ``RecordSchema/AggregationCaveat``
    /// (a Job's `duration`) over rows that were never filtered on the caveat's
    /// discriminator (`type`), with a fix-it inserting the filter before `stage`.
    ///
    /// Only where the rows' origin is seen: `filtered` is `nil` after a `def`
    /// stage or for rows from a variable, which may have been filtered already.
    mutating func checkAggregationCaveats(
        reading expressions: [Expr], keys: [Expr] = [], row: ValueType, filtered: Set<String>?, stage: Stage
    ) {
        guard let filtered, let schema = row.recordSchema else { return }
        let read = expressions.reduce(into: Set<String>()) { $0.formUnion($1.referencedFieldNames) }
        let grouped = keys.reduce(into: Set<String>()) { $0.formUnion($1.referencedFieldNames) }
        for field in schema.fields {
            guard let caveat = field.aggregationCaveat, read.contains(field.name),
                !filtered.contains(caveat.discriminator), !grouped.contains(caveat.discriminator)
            else { continue }
            diagnostics.append(
                Diagnostic(
                    .warning, id: "aggregate-mixed-rows",
                    message: "`\(field.name)` is aggregated over all \(schema.name) rows, \(caveat.rows) included",
                    range: stage.range,
                    notes: [.init(caveat.reason), .init("keep the rows meant first: `where \(caveat.filter)`")],
                    fixIt: .init(range: .at(stage.range.start), replacement: "where \(caveat.filter) | ")))
            return
        }
    }
}

extension Expr {
    /// The fields of the row this expression reads: bare names and `it.name`,
    /// anywhere inside it (not inside nested pipelines or lambdas, whose rows differ).
    var referencedFieldNames: Set<String> {
        switch kind {
        case .name(let name): return [name]
        case .member(let base, let field):
            if case .it = base.kind { return [field.name] }
            return base.referencedFieldNames
        case .index(let base, let position): return base.referencedFieldNames.union(position.referencedFieldNames)
        case .call(_, let arguments):
            return arguments.reduce(into: []) { $0.formUnion($1.value.referencedFieldNames) }
        case .unary(_, let operand): return operand.referencedFieldNames
        case .binary(_, let left, let right): return left.referencedFieldNames.union(right.referencedFieldNames)
        case .conditional(let condition, let then, let otherwise):
            return condition.referencedFieldNames.union(then.referencedFieldNames).union(otherwise.referencedFieldNames)
        case .list(let elements): return elements.reduce(into: []) { $0.formUnion($1.referencedFieldNames) }
        case .record(let entries): return entries.reduce(into: []) { $0.formUnion($1.value.referencedFieldNames) }
        case .interpolatedString(let parts):
            return parts.reduce(into: []) { names, part in
                if case .expression(let inner) = part { names.formUnion(inner.referencedFieldNames) }
            }
        case .literal, .variable, .it, .lambda, .pipeline, .stageChain, .missing: return []
        }
    }
}
