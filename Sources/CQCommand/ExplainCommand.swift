import ArgumentParser
import CQ
import CQKit
import Foundation
import ResponseCache

/// `cq explain QUERY`: the plan of a query, without running it.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how cq will run a query: its requests, what is pushed down, fan-outs, what runs locally.",
        discussion: """
            Nothing is requested. Example:
              cq explain 'pipelines("gh/acme/api") | where vcs.branch == "main" | take 50 | jobs | count'
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The query, or a .cq script to explain.")
    var query: String

    func run() async throws {
        let now = try Services.clock(ProcessInfo.processInfo.environment)
        let engine = CQEngine(
            session: Services.offlineSession, options: EngineOptions(evaluation: try options.evaluationOptions(), now: now))
        let isScript = query.hasSuffix(".cq") && FileManager.default.fileExists(atPath: query)
        let source = SourceFile(
            name: isScript ? query : "<command line>", text: isScript ? try readSource(query) : query)
        let variables = try options.variables()
        var bindings = Checker.Bindings(variables: variables.mapValues { _ in .any }.merging(["args": .list(.string)]) { a, _ in a })
        let compiled: CompiledQuery
        do {
            compiled = try engine.compile(source, bindings: &bindings)
        } catch {
            Terminal.printError(error.rendered(colored: Terminal.colors(on: STDERR_FILENO)))
            throw ExitStatus.queryError.exitCode
        }
        var environment = Environment(variables: variables)
        environment.variables["args"] = .value(.list([]))
        print(await engine.explain(compiled, environment: environment), terminator: "")
        print(cacheSummary)
    }

    /// What the response cache will do for this run's requests.
    private var cacheSummary: String {
        if options.demo { return "Cache: none (--demo answers in-process)." }
        switch options.cache.mode {
        case .off: return "Cache: off (--no-cache)."
        case .refresh: return "Cache: --refresh requests everything again, then keeps it."
        case .normal:
            let directory = ResponseCache.defaultDirectory(environment: ProcessInfo.processInfo.environment).path
            return "Cache: \(directory); finished things are kept, lists and running ones for \(options.cache.cacheTtl) s."
        }
    }
}
