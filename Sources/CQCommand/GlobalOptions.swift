import ArgumentParser
import CQ

/// Options every command that evaluates queries shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "CircleCI host for server installations (default: $CIRCLECI_HOST, ~/.circleci/cli.yml, https://circleci.com).")
    var host: String?

    @Flag(name: .long, help: "Query the built-in demo organisation: no token, no network.")
    var demo = false

    @Flag(name: .long, help: "Allow queries that change CircleCI state (trigger, rerun, cancel, approve).")
    var allowWrites = false

    @Option(name: .long, help: ArgumentHelp("Most HTTP requests in flight at once, and rows fan-outs work on ahead.", valueName: "n"))
    var concurrency: Int = EvaluationOptions().concurrency

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Most rows a stage that reads all of them (sort, group by, count, last, table output) may read; default: no limit.",
            valueName: "n"))
    var maxRows: Int?

    @Flag(name: .long, help: "After the query, print what it cost on standard error: time, requests, pages, cache hits.")
    var stats = false

    @Option(name: .customLong("arg"), help: ArgumentHelp("Set a script variable: --arg name=value (read as $name).", valueName: "name=value"))
    var arguments: [String] = []

    @OptionGroup var cache: CacheOptions

    /// The evaluation options these flags ask for. The CLI reads what the
    /// machine can hold: no step limit, and no row limit unless `--max-rows`.
    func evaluationOptions(
        standardInput: StandardInputAccess = .unavailable(reason: "this command does not read data from it")
    ) throws -> EvaluationOptions {
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
        if let maxRows, maxRows < 1 { throw ValidationError("--max-rows must be at least 1") }
        return EvaluationOptions(
            allowWrites: allowWrites, allowFiles: true, maxSteps: .max, maxRowsPerStage: maxRows ?? .max,
            concurrency: concurrency, standardInput: standardInput)
    }

    /// The `--arg` values as variables; values that parse as JSON numbers or
    /// booleans keep their type, everything else is a string.
    func variables() throws -> [String: Value] {
        var variables: [String: Value] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ValidationError("--arg needs name=value, got \"\(argument)\"")
            }
            let name = String(argument[..<equals])
            let text = String(argument[argument.index(after: equals)...])
            switch text {
            case "true": variables[name] = .bool(true)
            case "false": variables[name] = .bool(false)
            default: variables[name] = Int(text).map(Value.int) ?? .string(text)
            }
        }
        return variables
    }
}

extension OutputFormat: ExpressibleByArgument {}
