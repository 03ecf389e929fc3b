/// One run of the checker: infers types and collects diagnostics.
struct CheckSession {
    let checker: Checker
    var diagnostics: [Diagnostic] = []

    var registry: BuiltinRegistry { checker.registry }

    mutating func report(_ id: String, _ message: String, at range: SourceRange, notes: [String] = [], fixIt: Diagnostic.FixIt? = nil) {
        diagnostics.append(Diagnostic(.error, id: id, message: message, range: range, notes: notes.map { Diagnostic.Note($0) }, fixIt: fixIt))
    }

    /// The type of the rows of data of type `type`: a list's elements, or the value itself.
    static func rowType(of type: ValueType) -> ValueType {
        type.elementType ?? type.unwrapped
    }

    /// The type of `expr`.
    mutating func infer(_ expr: Expr, in scope: CheckScope) -> ValueType {
        switch expr.kind {
        case .literal(let literal): return Self.type(of: literal)
        case .interpolatedString(let parts):
            for case .expression(let inner) in parts { _ = infer(inner, in: scope) }
            return .string
        case .list(let elements):
            let types = elements.map { infer($0, in: scope) }
            return .list(types.first.flatMap { first in types.allSatisfy { $0 == first } ? first : nil } ?? .any)
        case .record(let entries):
            // A record literal is open: reading a key it lacks is null, not an error.
            for entry in entries { _ = infer(entry.value, in: scope) }
            return .record(RecordSchema(name: "", fields: []))
        case .name(let name): return resolve(name, at: expr.range, in: scope)
        case .variable(let name):
            if let type = scope.variables[name] ?? scope.locals[name] { return type }
            report("unknown-variable", "`$\(name)` is not defined", at: expr.range,
                   notes: Suggestions.closest(to: name, among: scope.variables.keys).map { ["did you mean `$\($0)`?"] } ?? [])
            return .any
        case .it: return scope.row ?? .any
        case .member(let base, let field): return member(field, of: infer(base, in: scope))
        case .index(let base, let index):
            let baseType = infer(base, in: scope)
            _ = infer(index, in: scope)
            if let element = baseType.elementType { return .optional(element) }
            return .any
        case .call(let callee, let arguments): return call(callee, arguments, at: expr.range, in: scope)
        case .unary(let op, let operand):
            let type = infer(operand, in: scope)
            return op == .not ? .bool : type
        case .binary(let op, let left, let right): return binary(op, left, right, in: scope)
        case .conditional(let condition, let then, let otherwise):
            _ = infer(condition, in: scope)
            let a = infer(then, in: scope)
            let b = infer(otherwise, in: scope)
            return a == b ? a : .any
        case .lambda(let parameters, let body):
            var inner = scope
            for parameter in parameters { inner.locals[parameter.name] = .any }
            _ = infer(body, in: inner)
            return .function(arity: parameters.count)
        case .pipeline(let source, let stages):
            return flow(infer(source, in: scope), through: stages, in: scope)
        case .stageChain(let stages):
            return flow(scope.row ?? .any, through: stages, in: scope)
        case .missing: return .any
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
    private mutating func resolve(_ name: String, at range: SourceRange, in scope: CheckScope) -> ValueType {
        if let local = scope.locals[name] { return local }
        if let row = scope.row, let schema = row.recordSchema, !schema.name.isEmpty || !schema.fields.isEmpty {
            if let field = schema.field(name) { return field.type }
            if let variable = scope.variables[name] { return variable }
            if scope.functions[name] != nil { return .any }
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
        var notes = Suggestions.closest(to: name, among: candidates).map { ["did you mean `\($0)`?"] } ?? []
        notes.append("field names can be used bare only inside a stage such as `where`")
        report("unknown-name", "`\(name)` is not defined", at: range, notes: notes)
        return .any
    }

    /// `base.field` on a value of type `base`.
    private mutating func member(_ field: Identifier, of base: ValueType) -> ValueType {
        switch base {
        case .optional(let wrapped):
            let type = member(field, of: wrapped)
            return type == .any ? .any : .optional(type.unwrapped)
        case .list(let element):
            return .list(member(field, of: element))
        case .record(let schema) where !schema.fields.isEmpty || !schema.name.isEmpty:
            if let known = schema.field(field.name) { return known.type }
            reportUnknownField(field.name, of: schema, at: field.range)
            return .any
        case .int, .number, .string, .bool, .timestamp, .duration, .enumeration:
            report("field-of-non-record", "cannot read field `\(field.name)` of \(base.displayName)", at: field.range)
            return .any
        default:
            return .any
        }
    }

    mutating func reportUnknownField(_ name: String, of schema: RecordSchema, at range: SourceRange) {
        let label = schema.name.isEmpty ? "these records" : "\(schema.name) records"
        var notes: [String] = []
        var fixIt: Diagnostic.FixIt?
        if let suggestion = Suggestions.closest(to: name, among: schema.fieldNames) {
            notes.append("did you mean `\(suggestion)`?")
            fixIt = Diagnostic.FixIt(range: range, replacement: suggestion)
        } else if let stage = registry.builtin(named: name), stage.kind == .fanOut, stage.inputTypes.contains(schema.name) {
            notes.append("`\(name)` is a stage; to run it on this row write `(it | \(name))`")
        } else {
            notes.append("\(label) have: \(schema.fieldNames.joined(separator: ", "))")
        }
        report("unknown-field", "\(label) have no field `\(name)`", at: range, notes: notes, fixIt: fixIt)
    }
}
