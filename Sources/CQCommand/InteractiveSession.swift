import CQ
import CQKit
import CircleCI
import Foundation
import REPL

/// The REPL: `cq` with no query on a terminal.
struct InteractiveSession {
    let runner: QueryRunner
    let services: Services
    let options: GlobalOptions

    func run(environment: Environment, bindings: Checker.Bindings) async -> ExitStatus {
        let host = CQREPLHost(
            runner: runner, services: services, format: options.format, environment: environment, bindings: bindings)
        host.completionState.startDiscoveringSlugs()
        if let token = services.session.client.configuration.token { HistorySecrets.add(token) }
        if Terminal.standardOutputIsTerminal { Terminal.printError(banner) }
        let status = await REPLSession(host: host).run()
        return ExitStatus(rawValue: status) ?? (status == 0 ? .success : .software)
    }
}

extension InteractiveSession {
    /// The lines shown before the first prompt: what cq is querying and how to start.
    var banner: String {
        let target = options.demo
            ? "the demo organisation (no token, no network)"
            : services.session.client.configuration.host.absoluteString
        return """
            cq \(CQCommand.configuration.version) — querying \(target).
            Tab completes projects, stages, fields and values; :help lists commands; Ctrl-D quits.
            Try: pipelines("gh/acme/api") | where state == "failed" | jobs


            """
    }
}

/// Connects the REPL to the language: evaluates entries with the run's
/// engine, keeps `let`s and `def`s between entries, and answers the host
/// meta commands (`:format`, `:schema`, `:use`, `:load`, `:help`).
actor CQREPLHost: REPLHost {
    nonisolated let completeness: any InputCompletenessChecking = CQCompleteness()
    nonisolated let completionState: CompletionState
    nonisolated var completions: any CompletionProvider { completionState }

    var runner: QueryRunner
    let services: Services
    var environment: Environment
    var bindings: Checker.Bindings
    private var entryNumber = 0
    /// The last entry evaluated, for `:open` alone.
    var lastEntry: String?

    init(runner: QueryRunner, services: Services, format: CQ.OutputFormat, environment: Environment, bindings: Checker.Bindings) {
        var runner = runner
        runner.renderer.format = format
        runner.renderer.colored = REPLOptions.colorsAllowedByEnvironment()
        self.runner = runner
        self.services = services
        self.environment = environment
        self.bindings = bindings
        self.completionState = CompletionState(registry: runner.engine.registry, bindings: bindings, services: services)
    }

    func evaluate(_ entry: String) async -> EvaluationResult {
        lastEntry = entry
        entryNumber += 1
        return await evaluate(entry, named: "repl:\(entryNumber)")
    }

    func perform(_ command: HostCommand) async -> EvaluationResult {
        var result = await carryOut(command)
        result.errorOutput = Terminal.redacted(result.errorOutput)
        return result
    }

    private func carryOut(_ command: HostCommand) async -> EvaluationResult {
        switch command {
        case .format(let format?):
            runner.renderer.format = CQ.OutputFormat(rawValue: format.rawValue) ?? .table
            return .success("Output format is \(format.rawValue).\n")
        case .format(nil):
            return .success("Output format is \(runner.renderer.format.rawValue).\n")
        case .schema(let text):
            return describeSchema(of: text)
        case .explain(let text):
            var scratch = bindings
            do {
                let query = try runner.engine.compile(SourceFile(name: "explain", text: text), bindings: &scratch)
                return .success(await runner.engine.explain(query, environment: environment))
            } catch {
                return .failure(error.rendered(colored: runner.coloredErrors))
            }
        case .use(let slug?):
            do {
                let project = try ProjectSlug(slug)
                services.session.defaultProject = project
                completionState.use(project: project.description)
                return .success("Default project is \(project); `pipelines()` now means `pipelines(\"\(project)\")`.\n")
            } catch {
                return .failure("\(error)\n", exitStatus: REPL.ExitStatus.usage)
            }
        case .use(nil):
            guard let project = services.session.defaultProject else {
                return .success("No default project; set one with `:use gh/org/repo`.\n")
            }
            return .success("Default project is \(project).\n")
        case .load(let path):
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                return await evaluate(text, named: path)
            } catch {
                return .failure("cannot read \(path): \((error as NSError).localizedDescription)\n", exitStatus: REPL.ExitStatus.usage)
            }
        case .open(let query):
            return await open(query)
        case .help(let topic):
            let help = CQ.HelpText(registry: runner.engine.registry)
            guard let topic else { return .success("\n" + help.overview) }
            if let text = help.topic(topic) { return .success(text) }
            let suggestion = help.suggestion(for: topic).map { "; did you mean `\($0)`?" } ?? ""
            return .failure(
                "nothing named `\(topic)`: not a keyword, operator, builtin or record type\(suggestion)\n",
                exitStatus: REPL.ExitStatus.usage)
        }
    }

    func promptDecoration() async -> String? {
        services.session.defaultProject?.description
    }

    func metrics() async -> REPLMetrics {
        let snapshot = services.metrics.snapshot
        return REPLMetrics(
            requestsCompleted: snapshot.requests, requestsInFlight: snapshot.inFlight, cacheHits: snapshot.cacheHits)
    }

    private func evaluate(_ text: String, named name: String) async -> EvaluationResult {
        let output = CQ.StringSink()
        let errors = CQ.StringSink()
        let runner = self.runner.writing(to: output, errors: errors)
        var environment = self.environment
        var bindings = self.bindings
        let outcome = await runner.run(SourceFile(name: name, text: text), environment: &environment, bindings: &bindings)
        self.environment = environment
        self.bindings = bindings
        completionState.update(bindings: bindings, seenIn: text, ran: outcome.status == .success)
        return EvaluationResult(
            output: await output.text, errorOutput: Terminal.redacted(await errors.text),
            exitStatus: outcome.status.rawValue, statistics: outcome.statistics?.description)
    }

    /// `:schema EXPR`: the type flowing out of an expression, without running it.
    private func describeSchema(of text: String) -> EvaluationResult {
        var scratch = bindings
        let query: CompiledQuery
        do {
            query = try runner.engine.compile(SourceFile(name: "schema", text: text), bindings: &scratch)
        } catch {
            return .failure(error.rendered(colored: runner.coloredErrors))
        }
        guard case .expression(let expr)? = query.program.statements.last?.kind else {
            return .failure(":schema needs an expression, e.g. `:schema pipelines(\"gh/acme/api\") | jobs`\n")
        }
        let type = Checker(registry: runner.engine.registry).type(of: expr, bindings: bindings)
        return .success(CQ.HelpText(registry: runner.engine.registry).describe(type))
    }
}
