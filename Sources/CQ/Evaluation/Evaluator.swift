import Foundation

/// Runs checked cq programs.
///
/// Expressions evaluate to ``PipelineData``: API lists stay lazy streams until a
/// stage needs all rows, so `take 3` stops paging early. All work happens in
/// the calling task; cancelling it stops the evaluation and its requests.
public struct Evaluator: Sendable {
    /// The shared state of this evaluation.
    public let context: EvaluationContext

    /// Creates an evaluator for one evaluation.
    public init(context: EvaluationContext) {
        self.context = context
    }

    /// Runs `program`'s statements in order, updating `environment` with its
    /// `let`s and `def`s.
    ///
    /// - Returns: the data of the last expression statement, or `nil` when the
    ///   program has none.
    public func run(_ program: Program, in environment: inout Environment) async throws -> PipelineData? {
        var result: PipelineData?
        for statement in program.statements {
            switch statement.kind {
            case .let(let name, let value):
                let data = try await evaluate(value, in: Scope(environment))
                environment.variables[name.name] = data
            case .def(let name, let parameters, let body):
                environment.functions[name.name] = UserFunction(
                    name: name.name, parameters: parameters.map(\.name), body: body)
            case .expression(let expr):
                result = try await evaluate(expr, in: Scope(environment))
            }
        }
        return result
    }

    /// Evaluates one expression in `environment`.
    public func evaluate(_ expr: Expr, in environment: Environment) async throws -> PipelineData {
        try await evaluate(expr, in: Scope(environment))
    }

    func evaluate(_ expr: Expr, in scope: Scope) async throws -> PipelineData {
        guard context.meter.step() else {
            throw RuntimeError(
                .limit, id: "step-limit", message: "the query took more than \(context.options.maxSteps) steps",
                range: expr.range)
        }
        try Task.checkCancellation()
        switch expr.kind {
        case .pipeline(let source, let stages):
            var data = try await evaluate(source, in: scope)
            for stage in stages {
                data = try await apply(stage, to: data, in: scope)
            }
            return data
        case .call(let callee, let arguments):
            return try await call(callee, arguments, at: expr.range, in: scope)
        case .name(let name):
            return try await resolve(name: name, at: expr.range, in: scope)
        case .variable(let name):
            return try variable(name, at: expr.range, in: scope)
        default:
            return .value(try await value(of: expr, in: scope))
        }
    }

    /// Evaluates `expr` to a plain value, reading any stream to its end.
    func value(of expr: Expr, in scope: Scope) async throws -> Value {
        switch expr.kind {
        case .pipeline, .call, .name, .variable:
            return try await collect(try await evaluate(expr, in: scope), at: expr.range)
        default:
            guard context.meter.step() else {
                throw RuntimeError(
                    .limit, id: "step-limit",
                    message: "the query took more than \(context.options.maxSteps) steps", range: expr.range)
            }
            return try await scalar(expr, in: scope)
        }
    }

    /// Reads all of `data`, bounded by ``EvaluationOptions/maxRowsPerStage``.
    func collect(_ data: PipelineData, at range: SourceRange) async throws -> Value {
        switch data {
        case .value(let value): return value
        case .stream: return .list(try await rows(of: data, at: range))
        }
    }

    /// The rows of `data` as an array, bounded by ``EvaluationOptions/maxRowsPerStage``.
    func rows(of data: PipelineData, at range: SourceRange) async throws -> [Value] {
        let limit = context.options.maxRowsPerStage
        var values: [Value] = []
        for try await value in data.rows {
            values.append(value)
            if values.count > limit {
                throw RuntimeError(
                    .limit, id: "row-limit", message: "more than \(limit) rows reached a stage that reads all rows",
                    range: range, notes: ["narrow the query first, e.g. with `| take 500` or a `branch:` argument"])
            }
        }
        return values
    }

    private func variable(_ name: String, at range: SourceRange, in scope: Scope) throws -> PipelineData {
        if let data = scope.variables[name] { return data }
        if let local = scope.locals[name] { return .value(local) }
        let known = Array(scope.variables.keys) + Array(scope.locals.keys)
        throw RuntimeError(
            .query, id: "unknown-variable", message: "`$\(name)` is not defined", range: range,
            notes: Suggestions.closest(to: name, among: known).map { ["did you mean `$\($0)`?"] } ?? [])
    }
}
