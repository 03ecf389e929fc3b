import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Foundation

/// Runs one fuzzer input through every part of cq that reads query text —
/// lexer, parser, checker and binder, planner, formatter, evaluation against
/// the in-process simulator, rendering — and reports every broken invariant.
///
/// Nothing may crash or hang (small step, size and time limits bound the
/// evaluation). The libFuzzer driver (`cq-fuzz` built with `-DFUZZING`)
/// traps on a reported violation; the test suite runs it over fixed seeds.
public struct FuzzHarness: Sendable {
    /// The organisation queries run against, generated once.
    private let session: APISession
    private let now = Date(timeIntervalSince1970: 1_795_176_000)

    /// Creates a harness over its own simulated organisation.
    public init() {
        let simulator = Simulator(now: now)
        let configuration = CircleCIConfiguration(
            host: CircleCIConfiguration.defaultHost, token: Simulator.demoToken, retryPolicy: .none)
        session = APISession(
            client: CircleCIClient(configuration: configuration, transport: simulator.transport),
            apiHost: configuration.host)
    }

    /// Small limits: an input explores, it does not run for long.
    private var engine: CQEngine {
        let evaluation = EvaluationOptions(
            maxSteps: 20_000, maxStringBytes: 1 << 20, maxListCount: 100_000, maxDepth: 50, timeout: .seconds(2),
            maxRowsPerStage: 2_000, concurrency: 2)
        return CQEngine(session: session, options: EngineOptions(evaluation: evaluation, now: { [now] in now }))
    }

    /// The invariants `bytes`, read as query text, breaks: empty when all hold.
    public func violations(of bytes: [UInt8]) async -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        var violations = FrontEndInvariants.check(text)
        let source = SourceFile(name: "fuzz.cq", text: text)
        var bindings = Checker.Bindings()
        let engine = self.engine
        let compiled: CompiledQuery
        do {
            compiled = try engine.compile(source, bindings: &bindings)
        } catch {
            violations += FrontEndInvariants.checkReport(error.diagnostics, in: source)
            return violations
        }
        _ = await engine.explain(compiled)
        var environment = Environment()
        do {
            let value = try await engine.run(compiled, in: &environment)?.collect() ?? .null
            violations += await OutputInvariants.check(value, registry: engine.registry)
        } catch is RuntimeError, is CancellationError {
            // Refusing a query with a clear error is fine.
        } catch {
            violations.append("evaluation failed with \(type(of: error)), not a RuntimeError: \(error)")
        }
        return violations
    }
}
