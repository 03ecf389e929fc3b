import ArgumentParser
import CQ
import Foundation

/// `cq [-e QUERY | FILE.cq [ARGS…]]`: evaluate a query, run a script, read a
/// program from standard input, or start the REPL on a terminal.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Evaluate a query (-e), run a .cq script, or start the interactive REPL.",
        discussion: """
            Without -e or FILE, cq starts the REPL when standard input is a terminal and reads \
            a program from standard input otherwise. Scripts see their arguments as $args \
            (a list of strings) and --arg name=value as $name. With -e or FILE, a query reads \
            data piped to cq with open("-") or stdin(): gh api … | cq -e 'open("-") | …'.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(
        name: [.customShort("e"), .customLong("eval")], parsing: .unconditional,
        help: "Evaluate QUERY and print its value (it may start with `-`).")
    var query: String?

    @Argument(help: "A .cq script to run (use - for standard input).", completion: .file(extensions: ["cq"]))
    var file: String?

    @Argument(help: "Arguments for the script, available as $args.")
    var scriptArguments: [String] = []

    @Flag(name: .long, help: "Open the url of each result row in the browser ($BROWSER, xdg-open or open) instead of printing it.")
    var web = false

    func run() async throws {
        let status: ExitStatus
        do {
            status = try await execute()
        } catch let failure as CommandFailure {
            Terminal.printError("cq: \(failure.message)\n")
            status = failure.status
        } catch let error as ValidationError {
            throw error
        } catch {
            Terminal.printError("cq: \(error)\n")
            status = .usage
        }
        if status != .success { throw status.exitCode }
    }

    private func execute() async throws -> ExitStatus {
        let services = try await Services.make(options)
        let engine = try services.engine(options, standardInput: standardInputAccess)
        var variables = try options.variables()
        let positional = query == nil ? scriptArguments : (file.map { [$0] } ?? []) + scriptArguments
        variables["args"] = .list(positional.map(Value.string))
        var runner = QueryRunner(engine: engine, services: services, format: options.format)
        runner.printsStatistics = options.stats
        // On a terminal's standard error; the REPL draws its own.
        runner.showsProgress = true
        let environment = Environment(variables: variables)
        var types = variables.mapValues { _ in ValueType.any }
        types["args"] = .list(.string)
        let bindings = Checker.Bindings(variables: types)

        if web { return try await openPages(runner, environment, bindings) }
        if let query {
            return await Self.interruptible(runner, SourceFile(name: "<command line>", text: query), environment, bindings)
        }
        if let file, file != "-" {
            let text = try ScriptSource.read(file)
            return await Self.interruptible(runner, SourceFile(name: file, text: text), environment, bindings)
        }
        if file == nil, Terminal.standardInputIsTerminal {
            return await InteractiveSession(runner: runner, services: services, options: options)
                .run(environment: environment, bindings: bindings)
        }
        let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        return await Self.interruptible(runner, SourceFile(name: "<stdin>", text: text), environment, bindings)
    }

    /// Whether the query may read data from standard input (`open("-")`):
    /// not when the program itself comes from there, or in the REPL.
    private var standardInputAccess: StandardInputAccess {
        if query != nil || (file != nil && file != "-") { return .readable }
        if file == nil, Terminal.standardInputIsTerminal {
            return .unavailable(reason: "in the REPL, standard input is the terminal")
        }
        return .unavailable(
            reason: "the program itself was read from standard input; "
                + "give it with -e 'QUERY' or as a script file to pipe data in")
    }

    /// Runs `source`, stopping it on Ctrl-C with "Cancelled." and status 130.
    private static func interruptible(
        _ runner: QueryRunner, _ source: SourceFile, _ environment: Environment, _ bindings: Checker.Bindings
    ) async -> ExitStatus {
        let status = await Interruption.cancellingOnInterrupt {
            var environment = environment
            var bindings = bindings
            return await runner.run(source, environment: &environment, bindings: &bindings).status
        }
        if status == .interrupted { Terminal.printError("Cancelled.\n") }
        return status
    }
}
