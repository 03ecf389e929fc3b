/// One run of the checker: resolves names, matches arguments, infers types,
/// collects diagnostics, and builds the ``BoundExpr`` tree the evaluator runs.
struct Binder {
    let checker: Checker
    var diagnostics: [Diagnostic] = []

    var registry: BuiltinRegistry { checker.registry }

    mutating func report(
        _ id: String, _ message: String, at range: SourceRange, notes: [String] = [], fixIt: Diagnostic.FixIt? = nil
    ) {
        diagnostics.append(
            Diagnostic(.error, id: id, message: message, range: range, notes: notes.map { Diagnostic.Note($0) }, fixIt: fixIt))
    }

    /// The type of the rows of data of type `type`: a list's elements, or the value itself.
    static func rowType(of type: ValueType) -> ValueType {
        type.elementType ?? type.unwrapped
    }

    /// `expr` bound, with its type.
    mutating func bind(_ expr: Expr, in scope: BindScope) -> BoundExpr {
        let range = expr.range
        switch expr.kind {
        case .literal(let literal):
            return BoundExpr(.literal(Evaluator.value(of: literal)), range: range, type: Self.type(of: literal))
        case .interpolatedString(let parts):
            let bound = parts.map { part -> BoundStringPart in
                switch part {
                case .text(let text): .text(text)
                case .expression(let inner): .expression(bind(inner, in: scope))
                }
            }
            return BoundExpr(.interpolatedString(bound), range: range, type: .string)
        case .list(let elements):
            let bound = elements.map { bind($0, in: scope) }
            let types = bound.map(\.type)
            let element = types.first.flatMap { first in types.allSatisfy { $0 == first } ? first : nil } ?? .any
            return BoundExpr(.list(bound), range: range, type: .list(element))
        case .record(let entries):
            // A record literal is open: reading a key it lacks is null, not an error.
            let bound = entries.map { BoundRecordEntry(key: $0.key.name, value: bind($0.value, in: scope)) }
            return BoundExpr(.record(bound), range: range, type: .record(RecordSchema(name: "", fields: [])))
        case .name(let name):
            return BoundExpr(.name(name), range: range, type: resolve(name, at: range, in: scope))
        case .variable(let name):
            if let type = scope.variables[name] ?? scope.locals[name] {
                return BoundExpr(.variable(name), range: range, type: type)
            }
            if ["it", "in", "this"].contains(name), let row = scope.row {
                // nushell's `$it` and `$in`: the row is `it`.
                report(
                    "unknown-variable", "`$\(name)` is not defined; the current row is `it`", at: range,
                    fixIt: Diagnostic.FixIt(range: range, replacement: "it"))
                return BoundExpr(.it, range: range, type: row)
            }
            report(
                "unknown-variable", "`$\(name)` is not defined", at: range,
                notes: Suggestions.closest(to: name, among: scope.variables.keys).map { ["did you mean `$\($0)`?"] } ?? [])
            return BoundExpr(.variable(name), range: range, type: .any)
        case .it:
            return BoundExpr(.it, range: range, type: scope.row ?? .any)
        case .member(let base, let field):
            let boundBase = bind(base, in: scope)
            let path = Self.isPath(base) ? base.printed() : nil
            let type = member(field, of: boundBase.type, path: path)
            return BoundExpr(.member(boundBase, field), range: range, type: type)
        case .index(let base, let index):
            let boundBase = bind(base, in: scope)
            let boundIndex = bind(index, in: scope)
            let type: ValueType = boundBase.type.elementType.map { .optional($0) } ?? .any
            return BoundExpr(.index(boundBase, boundIndex), range: range, type: type)
        case .call(let callee, let arguments):
            return call(callee, arguments, at: range, in: scope)
        case .unary(let op, let operand):
            let bound = bind(operand, in: scope)
            return BoundExpr(.unary(op, bound), range: range, type: op == .not ? .bool : bound.type)
        case .binary(let op, let left, let right):
            return binary(op, left, right, at: range, in: scope)
        case .conditional(let condition, let then, let otherwise):
            let boundCondition = bind(condition, in: scope)
            let a = bind(then, in: scope)
            let b = bind(otherwise, in: scope)
            return BoundExpr(
                .conditional(boundCondition, then: a, else: b), range: range, type: a.type == b.type ? a.type : .any)
        case .lambda(let parameters, let body):
            var inner = scope
            for parameter in parameters { inner.locals[parameter.name] = .any }
            let names = parameters.map(\.name)
            return BoundExpr(
                .lambda(parameters: names, body: bind(body, in: inner)), range: range,
                type: .function(arity: parameters.count))
        case .pipeline(let source, let stages):
            let boundSource = bind(source, in: scope)
            var seesOrigin = false
            if case .call(let callee, _) = source.kind { seesOrigin = scope.functions[callee.name] == nil }
            let (boundStages, type) = flow(boundSource.type, through: stages, in: scope, seesOrigin: seesOrigin)
            return BoundExpr(.pipeline(boundSource, boundStages), range: range, type: type)
        case .stageChain(let stages):
            let (boundStages, type) = flow(scope.row ?? .any, through: stages, in: scope)
            return BoundExpr(.stageChain(boundStages), range: range, type: type)
        case .missing:
            let error = RuntimeError(.query, id: "missing-expression", message: "expected an expression", range: range)
            return BoundExpr(.invalid(error), range: range, type: .any)
        }
    }

    static func type(of literal: Literal) -> ValueType {
        switch literal {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .double: .number
        case .string: .string
        case .duration: .duration
        }
    }

    /// A bare name: lambda parameter, field of the row, variable, parameterless def.
    private mutating func resolve(_ name: String, at range: SourceRange, in scope: BindScope) -> ValueType {
        if let local = scope.locals[name] { return local }
        if let row = scope.row, let schema = row.recordSchema, !schema.name.isEmpty || !schema.fields.isEmpty {
            if let field = schema.field(name) { return field.type }
            if let variable = scope.variables[name] { return variable }
            if scope.functions[name] != nil { return .any }
            if let literal = foreignLiteral(name, at: range) { return literal }
            reportUnknownField(name, of: schema, at: range)
            return .any
        }
        if scope.row != nil { return scope.variables[name] ?? .any }
        if let variable = scope.variables[name] { return variable }
        if scope.functions[name] != nil { return .any }
        let candidates = Array(scope.variables.keys) + Array(scope.functions.keys) + registry.builtins.map(\.name)
        if let stage = registry.builtin(named: name), [.fanOut, .stage, .aggregate].contains(stage.kind) {
            let example = stage.examples.first { $0.contains("| \(name)") }.map { ", as in `\($0)`" } ?? ""
            report("unknown-name", "`\(name)` is a stage: pipe rows into it\(example)", at: range)
            return .any
        }
        if let literal = foreignLiteral(name, at: range) { return literal }
        var notes = Suggestions.closest(to: name, among: candidates).map { ["did you mean `\($0)`?"] } ?? []
        notes.append("field names can be used bare only inside a stage such as `where`")
        report("unknown-name", "`\(name)` is not defined", at: range, notes: notes)
        return .any
    }

    /// `base.field` on a value of type `base`.
    /// `base.field` on a value of type `base`; `path` is how `base` was
    /// written, when it is a path such as `vcs`, for suggestions.
    private mutating func member(_ field: Identifier, of base: ValueType, path: String? = nil) -> ValueType {
        switch base {
        case .optional(let wrapped):
            let type = member(field, of: wrapped, path: path)
            return type == .any ? .any : .optional(type.unwrapped)
        case .list(let element):
            return .list(member(field, of: element, path: path))
        case .record(let schema) where !schema.fields.isEmpty || !schema.name.isEmpty:
            if let known = schema.field(field.name) { return known.type }
            reportUnknownField(field.name, of: schema, at: field.range, under: path)
            return .any
        case .int, .number, .string, .bool, .timestamp, .duration, .enumeration:
            report("field-of-non-record", "cannot read field `\(field.name)` of \(base.displayName)", at: field.range)
            return .any
        default:
            return .any
        }
    }

    /// Whether `expr` is a field path: `vcs`, `it.vcs`, `trigger.actor`.
    static func isPath(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name, .it: true
        case .member(let base, _): isPath(base)
        default: false
        }
    }

    /// Reports `name` unknown in `schema`, suggesting a field of that name
    /// nested deeper (`branch` → `vcs.branch`) or a close one. `parent` is
    /// the path the schema was reached by (`vcs` in `vcs.subject`), shown in
    /// the suggestion; the fix-it replaces `name` only.
    mutating func reportUnknownField(
        _ name: String, of schema: RecordSchema, at range: SourceRange, under parent: String? = nil
    ) {
        let label = schema.name.isEmpty ? "these records" : "\(schema.name) records"
        var notes: [String] = []
        var fixIt: Diagnostic.FixIt?
        let nested = Self.nestedSuggestion(for: name, in: schema)
        if let nested, nested.isExact {
            // `branch` on pipelines is `vcs.branch`.
            notes.append("did you mean `\(parent.map { "\($0)." } ?? "")\(nested.path)`?")
            if !nested.others.isEmpty {
                notes.append("also: \(nested.others.map { "`\($0)`" }.joined(separator: ", "))")
            }
            fixIt = Diagnostic.FixIt(range: range, replacement: nested.path)
        } else if let suggestion = Suggestions.closest(to: name, among: schema.fieldNames) {
            notes.append("did you mean `\(suggestion)`?")
            fixIt = Diagnostic.FixIt(range: range, replacement: suggestion)
        } else if let nested {
            notes.append("did you mean `\(parent.map { "\($0)." } ?? "")\(nested.path)`?")
            fixIt = Diagnostic.FixIt(range: range, replacement: nested.path)
        } else if let stage = registry.builtin(named: name), stage.kind == .fanOut, stage.inputTypes.contains(schema.name) {
            notes.append("`\(name)` is a stage; to run it on this row write `(it | \(name))`")
        } else {
            notes.append("\(label) have: \(schema.fieldNames.joined(separator: ", "))")
        }
        report("unknown-field", "\(label) have no field `\(name)`", at: range, notes: notes, fixIt: fixIt)
    }
}

/// What names mean at one point of binding.
struct BindScope {
    var variables: [String: ValueType]
    var functions: [String: UserFunction]
    var locals: [String: ValueType] = [:]
    var row: ValueType?
    var inGroup = false
    var groupRowType: ValueType?
    /// The fields `where` stages have read since the rows flowing here took
    /// their type, or `nil` when that is not known (rows from a variable, a `def`).
    var filteredFields: Set<String>?

    init(_ bindings: Checker.Bindings) {
        self.variables = bindings.variables
        self.functions = bindings.functions
    }

    func with(row: ValueType) -> BindScope {
        var copy = self
        copy.row = row
        copy.inGroup = false
        copy.groupRowType = nil
        return copy
    }
}
