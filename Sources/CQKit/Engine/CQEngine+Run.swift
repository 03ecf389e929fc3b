import CQ
import CircleCI
import Foundation

extension CQEngine {
    /// Runs `query`, updating `environment` with its `let`s and `def`s, and
    /// hands the result to `consume` while the run is still going: rows of a
    /// lazy stream are fetched as `consume` reads them (NDJSON output streams).
    ///
    /// Everything the run starts, however its stages nest, shares one limit of
    /// ``EvaluationOptions/concurrency`` requests in flight. When `consume`
    /// returns or throws, or the task is cancelled, work the run started ahead
    /// of its consumer is cancelled and awaited: no request is still in flight
    /// when this returns.
    ///
    /// - Parameter consume: receives the value of the last expression
    ///   statement (derived fields computed as rows are read), or `nil` when
    ///   the program has none.
    /// - Throws: ``RuntimeError`` pointing into the query, `CancellationError`,
    ///   or what `consume` throws.
    public func run<Result: Sendable>(
        _ query: CompiledQuery, in environment: inout Environment,
        consume: @escaping @Sendable (PipelineData?) async throws -> Result
    ) async throws -> Result {
        let context = EvaluationContext(registry: registry, options: options.evaluation, now: options.now())
        let evaluator = Evaluator(context: context)
        let program = query.plan
        let limiter = RequestLimiter(maximum: options.evaluation.concurrency, budget: options.evaluation.maxRequests)
        var scratch = environment
        let body: @Sendable () async throws -> (Result, Environment) = { [scratch] in
            var local = scratch
            var data = try await evaluator.run(program, in: &local)
            if let result = data { data = try await evaluator.materialize(result) }
            return (try await consume(data), local)
        }
        let (result, updated) = try await RequestLimiter.$current.withValue(limiter) {
            do {
                let outcome = try await withDeadline(at: program.statements.first?.range ?? .at(0), body)
                // Read-ahead the consumer did not need (it stopped early).
                await context.tasks.cancelAllAndWait()
                return outcome
            } catch {
                await context.tasks.cancelAllAndWait()
                throw error
            }
        }
        scratch = updated
        environment = scratch
        return result
    }

    /// Runs `query`, updating `environment` with its `let`s and `def`s.
    ///
    /// - Returns: the value of the last expression statement, read to its end,
    ///   with derived fields computed, or `nil` when there is none.
    /// - Throws: ``RuntimeError`` pointing into the query, or `CancellationError`.
    public func run(_ query: CompiledQuery, in environment: inout Environment) async throws -> PipelineData? {
        try await run(query, in: &environment) { data -> PipelineData? in
            guard let data else { return nil }
            return .value(try await data.collect())
        }
    }

    /// `body`, stopped with a ``RuntimeError`` when the engine's time limit passes.
    private func withDeadline<T: Sendable>(
        at range: SourceRange, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        guard let timeout = options.evaluation.timeout else { return try await body() }
        return try await withThrowingTaskGroup(of: T?.self) { group in
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
