import ArgumentParser
import CQ
import CQKit
import Foundation

/// `cq check FILE…`: parse and check scripts without making a request.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Parse and check .cq scripts without running them (no requests).")

    @Flag(name: .long, help: "Check as if --allow-writes were given.")
    var allowWrites = false

    @Argument(help: "The scripts to check.")
    var files: [String]

    func run() async throws {
        let engine = CQEngine(
            session: Services.offlineSession,
            options: EngineOptions(evaluation: EvaluationOptions(allowWrites: allowWrites)))
        var failed = false
        for file in files {
            let source = SourceFile(name: file, text: try readSource(file))
            var bindings = Checker.Bindings(variables: ["args": .list(.string)])
            do {
                let query = try engine.compile(source, bindings: &bindings)
                let warnings = query.warnings.filter { $0.severity == .warning }
                if !warnings.isEmpty {
                    Terminal.printError(
                        DiagnosticRenderer(colored: Terminal.colors(on: STDERR_FILENO)).render(warnings, in: source))
                }
                print("\(file): ok")
            } catch {
                Terminal.printError(error.rendered(colored: Terminal.colors(on: STDERR_FILENO)))
                failed = true
            }
        }
        if failed { throw ExitStatus.queryError.exitCode }
    }
}

/// `cq fmt FILE`: print a script in canonical form, comments kept.
struct FormatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt", abstract: "Print .cq scripts in canonical form (comments are kept).")

    @Flag(name: [.short, .long], help: "Rewrite the files in place instead of printing them.")
    var inPlace = false

    @Argument(help: "The scripts to format.")
    var files: [String]

    func run() async throws {
        // Every file is formatted; one that cannot be is reported, and the others still are.
        var failed = false
        for file in files {
            let text: String
            do {
                text = try ScriptSource.read(file)
            } catch let failure as CommandFailure {
                Terminal.printError("cq: \(failure.message)\n")
                failed = true
                continue
            }
            let source = SourceFile(name: file, text: text)
            let formatted: String
            do {
                formatted = try Formatter.format(source)
            } catch {
                Terminal.printError(DiagnosticRenderer(colored: Terminal.colors(on: STDERR_FILENO)).render(error.diagnostics, in: source))
                failed = true
                continue
            }
            if inPlace {
                guard formatted != source.text else { continue }
                do {
                    try formatted.write(toFile: file, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandFailure(.software, "cannot write \(file): \((error as NSError).localizedDescription)")
                }
            } else {
                print(formatted, terminator: "")
            }
        }
        if failed { throw ExitStatus.queryError.exitCode }
    }
}

/// `cq help [WORD]`: the language and the builtins, or one keyword, operator,
/// builtin or record type, from the registry.
struct HelpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help", abstract: "Describe the language and builtins, or one word of it.")

    @Argument(
        help: ArgumentHelp(
            "A keyword (where, sort by, group), an operator (=~, ??), a builtin (pipelines, percentile) "
                + "or a record type (Job).",
            valueName: "word"))
    var words: [String] = []

    @Flag(name: .long, help: .hidden)
    var markdown = false

    func run() async throws {
        let help = HelpText(registry: CQEngine(session: Services.offlineSession).registry)
        if markdown {
            print(help.markdown, terminator: "")
            return
        }
        guard !words.isEmpty else {
            print(help.overview, terminator: "")
            return
        }
        let name = words.joined(separator: " ")
        if let command = CQCommand.configuration.subcommands.first(where: { $0.configuration.commandName == name }) {
            print(CQCommand.helpMessage(for: command))
            return
        }
        guard let text = help.topic(name) else {
            var message = "cq: nothing named `\(name)`: not a keyword, operator, builtin or record type"
            if let suggestion = help.suggestion(for: name) { message += "; did you mean `\(suggestion)`?" }
            Terminal.printError(message + "\n")
            throw ExitStatus.usage.exitCode
        }
        print(text, terminator: "")
    }
}

/// Reads a script, as a usage error when it cannot be read.
func readSource(_ file: String) throws -> String {
    do {
        return try ScriptSource.read(file)
    } catch let failure as CommandFailure {
        Terminal.printError("cq: \(failure.message)\n")
        throw failure.status.exitCode
    }
}
