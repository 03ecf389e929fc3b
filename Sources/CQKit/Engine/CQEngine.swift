import CQ
import Foundation

/// Compiles and runs cq queries: the embedding API.
///
/// Compile once, run many times. Compiling parses and checks the query
/// against the registry (no requests); running evaluates it with the
/// engine's limits and permissions and returns values with their derived
/// fields computed.
///
/// ```swift
/// let engine = CQEngine(session: APISession(client: client, apiHost: host))
/// let failed = try await engine.evaluate(#"pipelines("gh/acme/api") | where state == "failed" | count"#)
/// ```
public struct CQEngine: Sendable {
    /// Everything queries can name: the standard library, the CircleCI
    /// builtins when the engine has a session, and the embedder's builtins.
    public let registry: BuiltinRegistry
    /// Limits and permissions for every run.
    public var options: EngineOptions

    /// Creates an engine.
    ///
    /// - Parameters:
    ///   - session: the CircleCI session; without one only the standard library is available.
    ///   - options: limits and permissions.
    ///   - builtins: extra builtins; they replace standard ones of the same name.
    public init(session: APISession?, options: EngineOptions = .init(), builtins: [Builtin] = []) {
        var registry = session.map { BuiltinRegistry.circleCI(session: $0) } ?? .standard
        registry.register(builtins)
        self.registry = registry
        self.options = options
    }

    /// Parses and checks `text`.
    ///
    /// - Parameters:
    ///   - name: the name diagnostics use for the source (a path, `<query>`, `repl:3`).
    ///   - bindings: the types of variables and functions defined earlier (REPL, script arguments).
    /// - Throws: ``CompileError`` with every problem found.
    public func compile(_ text: String, name: String = "<query>", bindings: Checker.Bindings = .init()) throws(CompileError)
        -> CompiledQuery
    {
        var bindings = bindings
        return try compile(SourceFile(name: name, text: text), bindings: &bindings)
    }

    /// Parses, checks, binds and plans `source`, updating `bindings` with its
    /// `let`s and `def`s.
    public func compile(_ source: SourceFile, bindings: inout Checker.Bindings) throws(CompileError) -> CompiledQuery {
        let parsed = Parser.parse(source)
        let checker = Checker(registry: registry, allowWrites: options.evaluation.allowWrites)
        let (bound, diagnostics) = checker.bind(parsed.program, bindings: &bindings)
        var problems = diagnostics
        let syntaxErrors = parsed.diagnostics.filter { $0.severity == .error }
        if !syntaxErrors.isEmpty {
            // Check the statements the parser recovered fully (typos of stage
            // keywords recover exactly), so one run reports everything it can.
            let broken = parsed.program.statements.map(\.range).filter { statement in
                syntaxErrors.contains { $0.id != "misspelled-stage" && statement.contains($0.range.start) }
            }
            problems.removeAll { problem in broken.contains { $0.contains(problem.range.start) } }
            let all = (parsed.diagnostics + problems).sorted { $0.range.start < $1.range.start }
            throw CompileError(source: source, diagnostics: all)
        }
        if problems.contains(where: { $0.severity == .error }) {
            throw CompileError(source: source, diagnostics: problems)
        }
        return CompiledQuery(
            source: source, program: parsed.program, plan: QueryPlanner(registry: registry).plan(bound),
            warnings: parsed.diagnostics + problems)
    }

    /// Runs `query`, updating `environment` with its `let`s and `def`s.
    ///
    /// - Returns: the value of the last expression statement, with derived
    ///   fields computed, or `nil` when there is none. Streams stay lazy,
    ///   except under a ``EvaluationOptions/timeout``: then they are read
    ///   within the time limit.
    /// - Throws: ``RuntimeError`` pointing into the query, or `CancellationError`.
    public func run(_ query: CompiledQuery, in environment: inout Environment) async throws -> PipelineData? {
        let evaluator = Evaluator(
            context: EvaluationContext(registry: registry, options: options.evaluation, now: options.now()))
        let program = query.plan
        let start = program.statements.first?.range ?? SourceRange.at(0)
        guard let timeout = options.evaluation.timeout else {
            return try await Self.execute(evaluator, program, &environment)
        }
        var scratch = environment
        let (result, updated) = try await Self.withDeadline(timeout, at: start) { [scratch] in
            var local = scratch
            // Streams are read here, within the limit: a lazy stream handed back
            // would make its requests after the deadline was no longer watched.
            let result: PipelineData? =
                switch try await Self.execute(evaluator, program, &local) {
                case .stream(let stream)?: .stream(ValueStream(try await stream.collect()))
                case let other: other
                }
            return (result, local)
        }
        scratch = updated
        environment = scratch
        return result
    }

    /// The plan of `query` in a few readable lines (`cq explain`): the requests
    /// each source makes, what is pushed down, fan-outs and their concurrency,
    /// what runs locally. Nothing is requested.
    ///
    /// - Parameter environment: variables known before the query runs, shown
    ///   in request paths.
    public func explain(_ query: CompiledQuery, environment: Environment = Environment()) async -> String {
        let context = EvaluationContext(registry: registry, options: options.evaluation, now: options.now())
        return await QueryExplainer(context: context, source: query.source, environment: environment).explain(query.plan)
    }

    /// Compiles and runs `text`, reading the whole result.
    public func evaluate(_ text: String, arguments: [String: Value] = [:]) async throws -> Value {
        var bindings = Checker.Bindings(variables: arguments.mapValues { _ in ValueType.any })
        let query = try compile(SourceFile(name: "<query>", text: text), bindings: &bindings)
        var environment = Environment(variables: arguments)
        guard let data = try await run(query, in: &environment) else { return .null }
        return try await data.collect()
    }

    /// Compiles and runs `text`, decoding the result into `type` through JSON.
    public func evaluate<T: Decodable>(_ text: String, as type: T.Type, arguments: [String: Value] = [:]) async throws -> T {
        let value = try await evaluate(text, arguments: arguments)
        return try JSONDecoder().decode(type, from: Data(value.jsonText().utf8))
    }

    private static func execute(_ evaluator: Evaluator, _ program: BoundProgram, _ environment: inout Environment)
        async throws -> PipelineData?
    {
        guard let data = try await evaluator.run(program, in: &environment) else { return nil }
        return try await evaluator.materialize(data)
    }

    private static func withDeadline<T: Sendable>(
        _ timeout: Duration, at range: SourceRange, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else {
                throw RuntimeError(.limit, id: "timeout", message: "the query did not finish within \(timeout)", range: range)
            }
            return result
        }
    }
}

/// Limits and permissions of an engine.
public struct EngineOptions: Sendable {
    /// Writes, files, steps, depth, rows and the time limit.
    public var evaluation: EvaluationOptions
    /// The clock `now()` reads at the start of each run.
    public var now: @Sendable () -> Date

    /// Creates options: read-only by default.
    public init(evaluation: EvaluationOptions = .init(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.evaluation = evaluation
        self.now = now
    }
}

/// A parsed and checked query, ready to run any number of times.
public struct CompiledQuery: Sendable {
    /// The source it came from.
    public let source: SourceFile
    /// The syntax tree.
    public let program: Program
    /// The program bound and planned: what runs.
    public let plan: BoundProgram
    /// Non-fatal diagnostics.
    public let warnings: [Diagnostic]
}

/// A query that could not be compiled, with every problem found.
public struct CompileError: Error, Sendable, CustomStringConvertible {
    /// The source the diagnostics point into.
    public let source: SourceFile
    /// The problems, in source order.
    public let diagnostics: [Diagnostic]

    /// The problems rendered as `file:line:col: error: …` with source lines and carets.
    public func rendered(colored: Bool = false) -> String {
        DiagnosticRenderer(colored: colored).render(diagnostics, in: source)
    }

    public var description: String { rendered() }
}
