import Foundation

/// Runs bound cq programs.
///
/// Expressions evaluate to ``PipelineData``: API lists stay lazy streams until a
/// stage needs all rows, so `take 3` stops paging early. Stages the planner
/// marked, and fan-outs that read the API, work on several rows at once
/// while keeping the order of their output.
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
    public func run(_ program: BoundProgram, in environment: inout Environment) async throws -> PipelineData? {
        var result: PipelineData?
        for statement in program.statements {
            switch statement.kind {
            case .let(let name, let value):
                environment.variables[name] = try await evaluate(value, in: Scope(environment))
            case .def(let function):
                environment.functions[function.name] = function
            case .expression(let expr):
                result = try await evaluate(expr, in: Scope(environment))
            }
        }
        return result
    }

    /// Binds and runs `program` without checking it first: what cannot be
    /// bound fails when (and only if) it is evaluated.
    public func run(_ program: Program, in environment: inout Environment) async throws -> PipelineData? {
        var bindings = Checker.Bindings(
            variables: environment.variables.mapValues { _ in .any }, functions: environment.functions)
        let checker = Checker(registry: context.registry, allowWrites: context.options.allowWrites)
        return try await run(checker.bind(program, bindings: &bindings).program, in: &environment)
    }

    /// Evaluates one bound expression in `environment`.
    public func evaluate(_ expr: BoundExpr, in environment: Environment) async throws -> PipelineData {
        try await evaluate(expr, in: Scope(environment))
    }

    func evaluate(_ expr: BoundExpr, in scope: Scope) async throws -> PipelineData {
        try countStep(at: expr.range)
        try Task.checkCancellation()
        switch expr.kind {
        case .pipeline(let source, let stages):
            var data = try await evaluate(source, in: scope)
            for stage in stages {
                data = try await apply(stage, to: data, in: scope)
            }
            return data
        case .call(let call):
            return try await self.call(call, in: scope)
        case .userCall(let callee, let arguments):
            return try await callUser(named: callee, arguments: arguments, input: nil, at: expr.range, in: scope)
        case .name(let name):
            return try await resolve(name: name, at: expr.range, in: scope)
        case .variable(let name):
            return try variable(name, at: expr.range, in: scope)
        default:
            return .value(try await scalar(expr, in: scope))
        }
    }

    /// Evaluates `expr` to a plain value, reading any stream to its end.
    func value(of expr: BoundExpr, in scope: Scope) async throws -> Value {
        switch expr.kind {
        case .pipeline, .call, .userCall, .name, .variable:
            return try await collect(try await evaluate(expr, in: scope), at: expr.range)
        default:
            try countStep(at: expr.range)
            return try await scalar(expr, in: scope)
        }
    }

    private func countStep(at range: SourceRange) throws {
        guard context.meter.step() else { throw stepLimitError(at: range) }
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
            if values.count > limit { throw rowLimitError(at: range) }
        }
        return values
    }

    /// More than ``EvaluationOptions/maxRowsPerStage`` rows reached a stage
    /// that reads all rows (`sort`, `group by`, `count`, …).
    func rowLimitError(at range: SourceRange) -> RuntimeError {
        let limit = context.options.maxRowsPerStage
        return RuntimeError(
            .limit, id: "row-limit", message: "more than \(limit) rows reached a stage that reads all rows",
            range: range, notes: ["narrow the query first, e.g. with `| take 500` or a `branch:` argument"])
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
