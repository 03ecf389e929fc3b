import CQ
import CQKit
import Foundation

/// Compiles, runs and prints cq programs: `cq -e`, scripts, standard input
/// and the REPL all go through it, so they report errors the same way.
struct QueryRunner: Sendable {
    let engine: CQEngine
    let services: Services
    var renderer: Renderer
    let output: any TextSink

    init(engine: CQEngine, services: Services, format: OutputFormat, output: any TextSink = StandardOutput()) {
        self.engine = engine
        self.services = services
        self.renderer = Renderer(
            format: format, width: Terminal.outputWidth, colored: Terminal.colors(on: STDOUT_FILENO),
            registry: engine.registry)
        self.output = output
    }

    /// Runs `source`, printing its value to the output and problems to standard error.
    ///
    /// `environment` and `bindings` carry `let`s and `def`s between runs (REPL entries).
    func run(_ source: SourceFile, environment: inout Environment, bindings: inout Checker.Bindings) async -> ExitStatus {
        let query: CompiledQuery
        do {
            query = try engine.compile(source, bindings: &bindings)
        } catch {
            Terminal.printError(error.rendered(colored: Terminal.colors(on: STDERR_FILENO)))
            return .queryError
        }
        if !services.hasToken, usesAPI(query.program) {
            Terminal.printError(Services.missingTokenMessage)
            return .authentication
        }
        do {
            if let data = try await engine.run(query, in: &environment) {
                try await renderer.render(data, to: output)
            }
            return .success
        } catch let error as RuntimeError {
            Terminal.printError(
                DiagnosticRenderer(colored: Terminal.colors(on: STDERR_FILENO)).render([error.diagnostic], in: source))
            return error.kind.exitStatus
        } catch is CancellationError {
            Terminal.printError("Cancelled.\n")
            return .interrupted
        } catch {
            Terminal.printError("cq: error: \(error)\n")
            return .software
        }
    }

    private func usesAPI(_ program: Program) -> Bool {
        program.calledNames.contains { name in
            guard let builtin = engine.registry.builtin(named: name) else { return false }
            return builtin.effect == .readsAPI || builtin.effect == .writesAPI
        }
    }
}
