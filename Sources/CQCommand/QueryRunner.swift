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
    let errors: any TextSink
    let coloredErrors: Bool

    init(
        engine: CQEngine, services: Services, format: OutputFormat, output: any TextSink = StandardOutput(),
        errors: any TextSink = StandardError()
    ) {
        self.engine = engine
        self.services = services
        self.renderer = Renderer(
            format: format, width: Terminal.outputWidth, colored: Terminal.colors(on: STDOUT_FILENO),
            registry: engine.registry)
        self.output = output
        self.errors = errors
        self.coloredErrors = Terminal.colors(on: STDERR_FILENO)
    }

    /// This runner writing its output and errors to other sinks (the REPL collects them).
    func writing(to output: any TextSink, errors: any TextSink) -> QueryRunner {
        var copy = QueryRunner(engine: engine, services: services, format: renderer.format, output: output, errors: errors)
        copy.renderer = renderer
        return copy
    }

    /// Runs `source`, printing its value to the output and problems to standard error.
    ///
    /// `environment` and `bindings` carry `let`s and `def`s between runs (REPL entries).
    func run(_ source: SourceFile, environment: inout Environment, bindings: inout Checker.Bindings) async -> ExitStatus {
        let query: CompiledQuery
        do {
            query = try engine.compile(source, bindings: &bindings)
        } catch {
            await errors.write(error.rendered(colored: coloredErrors))
            return .queryError
        }
        if !services.hasToken, usesAPI(query.program) {
            await errors.write(Services.missingTokenMessage)
            return .authentication
        }
        do {
            if let data = try await engine.run(query, in: &environment) {
                try await renderer.render(data, to: output)
            }
            return .success
        } catch let error as RuntimeError {
            await errors.write(DiagnosticRenderer(colored: coloredErrors).render([error.diagnostic], in: source))
            return error.kind.exitStatus
        } catch is CancellationError {
            return .interrupted
        } catch {
            await errors.write("cq: error: \(error)\n")
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
