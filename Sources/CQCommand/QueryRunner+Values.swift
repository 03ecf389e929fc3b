import CQ
import CQKit

extension QueryRunner {
    /// Runs `source` like ``run(_:environment:bindings:)`` but keeps its value
    /// instead of printing it (`--web`, `:open`, `:watch … until`). Problems
    /// are written to the error output, as a printed run writes them.
    func value(
        of source: SourceFile, environment: inout Environment, bindings: inout Checker.Bindings
    ) async -> (value: Value?, status: ExitStatus) {
        let query: CompiledQuery
        do {
            query = try engine.compile(source, bindings: &bindings)
        } catch {
            await errors.write(error.rendered(colored: coloredErrors))
            return (nil, .queryError)
        }
        let callsAPI = query.program.calledNames.contains { name in
            let effect = engine.registry.builtin(named: name)?.effect
            return effect == .readsAPI || effect == .writesAPI
        }
        if !services.hasToken, callsAPI {
            await errors.write(Services.missingTokenMessage)
            return (nil, .authentication)
        }
        do {
            let data = try await engine.run(query, in: &environment)
            return (try await data?.collect(), .success)
        } catch let error as RuntimeError {
            let diagnostic = error.namingItsFlag().diagnostic
            await errors.write(DiagnosticRenderer(colored: coloredErrors).render([diagnostic], in: source))
            return (nil, error.kind.exitStatus)
        } catch is CancellationError {
            return (nil, .interrupted)
        } catch {
            await errors.write("cq: error: \(error)\n")
            return (nil, .software)
        }
    }
}
