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
        // `count(status = "failed")`: the checker knows a comparison was meant
        // where the parser saw a label written with `=`.
        let comparisons = Set(problems.filter { $0.id == "assignment-in-expression" }.map(\.range))
        let parsedDiagnostics = parsed.diagnostics.filter {
            !($0.id == "label-with-equals" && comparisons.contains($0.range))
        }
        let syntaxErrors = parsedDiagnostics.filter { $0.severity == .error }
        if !syntaxErrors.isEmpty {
            // Check the statements the parser recovered fully (typos of stage
            // keywords, habits from other languages recover exactly), so one
            // run reports everything it can.
            let broken = parsed.program.statements.map(\.range).filter { statement in
                syntaxErrors.contains { !$0.isRecoveredExactly && statement.contains($0.range.start) }
            }
            problems.removeAll { problem in broken.contains { $0.contains(problem.range.start) } }
            let all = (parsedDiagnostics + problems).sorted { $0.range.start < $1.range.start }
            throw CompileError(source: source, diagnostics: all)
        }
        if problems.contains(where: { $0.severity == .error }) {
            throw CompileError(source: source, diagnostics: problems)
        }
        return CompiledQuery(
            source: source, program: parsed.program,
            plan: options.plansQueries ? QueryPlanner(registry: registry).plan(bound) : bound,
            warnings: parsedDiagnostics + problems)
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
}
