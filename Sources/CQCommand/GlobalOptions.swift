import ArgumentParser
import CQ
import CircleCI

/// Options every command that evaluates queries shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    @Option(
        name: .long,
        help:
            "CircleCI host for server installations (default: $CIRCLECI_HOST, ~/.circleci/cli.yml, https://circleci.com)."
    )
    var host: String?

    @Flag(name: .long, help: "Query the built-in demo organisation: no token, no network.")
    var demo = false

    @Flag(name: .long, help: "Allow queries that change CircleCI state (trigger, rerun, cancel, approve).")
    var allowWrites = false

    @Option(
        name: .long,
        help: ArgumentHelp("Most HTTP requests in flight at once, and rows fan-outs work on ahead.", valueName: "n"))
    var concurrency: Int = EvaluationOptions().concurrency

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Most rows a stage that reads all of them (sort, group by, count, last, table output) may read; default: no limit.",
            valueName: "n"))
    var maxRows: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Most evaluation steps (expressions, items of builtin work) a query may take; 0: no limit.",
            valueName: "n"))
    var maxSteps: Int = Self.defaultMaxSteps

    /// The CLI's step limit: 500 million steps is tens of millions of rows
    /// through a few stages, yet a runaway query (a `join` of a million
    /// items per row) still ends with a clear error instead of all memory.
    static let defaultMaxSteps = 500_000_000

    @Flag(
        name: .long, help: "After the query, print what it cost on standard error: time, requests, pages, cache hits.")
    var stats = false

    @Option(name: .long, help: ArgumentHelp("Stop a query that runs longer than this.", valueName: "seconds"))
    var timeout: Int?

    @Option(
        name: .long, help: ArgumentHelp("Stop a query that would make more HTTP requests than this.", valueName: "n"))
    var maxRequests: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Longest wait honoured when CircleCI asks to come back later (Retry-After); a longer one fails at once, saying when.",
            valueName: "seconds"))
    var maxWait: Int = 60

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Longest one HTTP request may take; a GET that gets no answer by then is retried.", valueName: "seconds"))
    var requestTimeout: Double = 30

    @Option(
        name: .customLong("arg"),
        help: ArgumentHelp("Set a script variable: --arg name=value (read as $name).", valueName: "name=value"))
    var arguments: [String] = []

    @OptionGroup var cache: CacheOptions

    /// The evaluation options these flags ask for. The CLI reads what the
    /// machine can hold: no row limit unless `--max-rows`, and a generous
    /// step limit (`--max-steps`).
    func evaluationOptions(
        standardInput: StandardInputAccess = .unavailable(reason: "this command does not read data from it")
    ) throws -> EvaluationOptions {
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
        if let timeout, timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        if let maxRequests, maxRequests < 0 { throw ValidationError("--max-requests must be 0 or more") }
        if let maxRows, maxRows < 1 { throw ValidationError("--max-rows must be at least 1") }
        guard maxSteps >= 0 else { throw ValidationError("--max-steps must be 0 (no limit) or more") }
        // The CLI runs the user's own queries: files allowed, no request
        // budget or row limit unless asked, a generous step limit.
        return EvaluationOptions(
            allowWrites: allowWrites, allowFiles: true, maxSteps: maxSteps == 0 ? .max : maxSteps,
            timeout: timeout.map { .seconds($0) },
            maxRowsPerStage: maxRows ?? .max, concurrency: concurrency, maxRequests: maxRequests,
            standardInput: standardInput)
    }

    /// `--max-wait` and `--request-timeout` applied to a client configuration.
    ///
    /// The limit on one call (retries and waits included) grows with them, so
    /// that a long wait CircleCI asked for is not cut short by it.
    func applyWaits(to configuration: inout CircleCIConfiguration) throws {
        guard (0...86_400).contains(maxWait) else {
            throw ValidationError("--max-wait must be between 0 and 86400 seconds")
        }
        guard requestTimeout.isFinite, requestTimeout > 0, requestTimeout <= 3600 else {
            throw ValidationError("--request-timeout must be more than 0 and at most 3600 seconds")
        }
        configuration.retryPolicy.maxRetryAfter = .seconds(maxWait)
        configuration.requestTimeout = .seconds(requestTimeout)
        let attempts = Double(configuration.retryPolicy.maxAttempts)
        let backoff = Double(configuration.retryPolicy.maxDelay.components.seconds)
        let needed = Duration.seconds(attempts * (requestTimeout + max(Double(maxWait), backoff)))
        configuration.deadline = max(configuration.deadline, needed)
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
