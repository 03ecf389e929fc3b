import CQ
import CQKit
import Foundation

/// Compiles, runs and prints cq programs: `cq -e`, scripts, standard input
/// and the REPL all go through it, so they report errors the same way.
struct QueryRunner: Sendable {
    /// How one run ended, and what it cost.
    struct Outcome: Sendable {
        let status: ExitStatus
        /// `nil` when the query did not run (it failed to compile, or needed a token).
        var statistics: QueryStatistics?
    }

    let engine: CQEngine
    let services: Services
    var renderer: Renderer
    let output: any TextSink
    let errors: any TextSink
    let coloredErrors: Bool
    /// Draw the progress line on standard error while a query runs, when it is a terminal.
    var showsProgress = false
    /// Print what each run cost on the error output (`--stats`).
    var printsStatistics = false

    init(
        engine: CQEngine, services: Services, format: OutputFormat, output: any TextSink = StandardOutput(),
        errors: any TextSink = StandardError()
    ) {
        self.engine = engine
        self.services = services
        self.renderer = Renderer(
            format: format, width: Terminal.outputWidth, colored: Terminal.colors(on: STDOUT_FILENO),
            registry: engine.registry, maxRows: engine.options.evaluation.maxRowsPerStage)
        self.output = output
        self.errors = errors
        self.coloredErrors = Terminal.colors(on: STDERR_FILENO)
    }

    /// This runner writing its output and errors to other sinks (the REPL collects them).
    func writing(to output: any TextSink, errors: any TextSink) -> QueryRunner {
        var copy = QueryRunner(
            engine: engine, services: services, format: renderer.format, output: output, errors: errors)
        copy.renderer = renderer
        copy.printsStatistics = printsStatistics
        return copy
    }

    /// Runs `source`, printing its value to the output and problems to the error output.
    ///
    /// `environment` and `bindings` carry `let`s and `def`s between runs (REPL entries).
    func run(_ source: SourceFile, environment: inout Environment, bindings: inout Checker.Bindings) async -> Outcome {
        let query: CompiledQuery
        do {
            query = try engine.compile(source, bindings: &bindings)
        } catch {
            await errors.write(error.rendered(colored: coloredErrors))
            return Outcome(status: .queryError)
        }
        let warnings = query.warnings.filter { $0.severity == .warning }
        if !warnings.isEmpty {
            // Reported before anything runs; the query still runs.
            await errors.write(DiagnosticRenderer(colored: coloredErrors).render(warnings, in: source))
        }
        if !services.hasToken, usesAPI(query.program) {
            await errors.write(Services.missingTokenMessage)
            return Outcome(status: .authentication)
        }
        let metrics = services.metrics
        metrics.resetPeakInFlight()
        let before = metrics.snapshot
        let start = ContinuousClock.now
        let progress =
            showsProgress && Terminal.standardErrorIsTerminal
            ? ProgressReporter(metrics: metrics, baseline: before) : nil
        let drawing = progress.map { reporter in Task { await reporter.run() } }
        let output: any TextSink =
            progress.map { ProgressClearingSink(inner: self.output, progress: $0) } ?? self.output
        let renderer = self.renderer
        var rowsOut = 0
        let status: ExitStatus
        do {
            rowsOut = try await engine.run(query, in: &environment) { data in
                guard let data else { return 0 }
                return try await renderer.render(data, to: output)
            }
            status = .success
        } catch let interrupted as OutputInterrupted {
            rowsOut = interrupted.rowsWritten
            status = await report(interrupted.underlying, in: source, progress: progress, note: interrupted.note)
        } catch {
            status = await report(error, in: source, progress: progress)
        }
        drawing?.cancel()
        await progress?.clear()
        let statistics = QueryStatistics(
            elapsed: start.duration(to: .now), work: QueryStatistics.work(from: before, to: metrics.snapshot),
            rowsOut: rowsOut)
        if printsStatistics, status != .interrupted { await errors.write(statistics.description) }
        return Outcome(status: status, statistics: statistics)
    }

    /// Prints why a run failed, with `note` (what was written) when given,
    /// and returns the exit status it calls for.
    private func report(_ error: any Error, in source: SourceFile, progress: ProgressReporter?, note: String? = nil)
        async -> ExitStatus
    {
        await progress?.clear()
        switch error {
        case let error as RuntimeError:
            var error = error.namingItsFlag()
            if let note { error.diagnostic.notes.append(Diagnostic.Note(note)) }
            await errors.write(DiagnosticRenderer(colored: coloredErrors).render([error.diagnostic], in: source))
            return error.kind.exitStatus
        case is CancellationError:
            if let note { await errors.write("cq: \(note)\n") }
            return .interrupted
        default:
            // The description may quote CircleCI's answer: escaped, never raw.
            await errors.write("cq: error: " + TerminalText.escapedLines("\(error)").joined(separator: "\n") + "\n")
            if let note { await errors.write("cq: \(note)\n") }
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
