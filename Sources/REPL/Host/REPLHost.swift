/// What the REPL needs from the cq language and its runtime.
///
/// The REPL owns the terminal: line editing, history, Ctrl-C, meta commands, the
/// progress line. Everything that needs the language goes through this protocol,
/// so the REPL can be driven by the real engine or by a scripted fake.
///
/// Conformers must be safe to call from any task. ``evaluate(_:)`` and
/// ``perform(_:)`` must honour task cancellation: Ctrl-C cancels the task that
/// runs them, and in-flight HTTP requests should stop with it. If a call does not
/// return within ``REPLOptions/cancelGracePeriod`` after a Ctrl-C (or a second
/// Ctrl-C arrives), the REPL stops waiting and drops its result, so the host may
/// see a new call while an abandoned one is still winding down.
public protocol REPLHost: Sendable {
    /// Decides whether an entry is complete or needs more lines (open bracket,
    /// open string, trailing `|`).
    var completeness: any InputCompletenessChecking { get }

    /// Answers Tab completion. It runs synchronously inside the line editor, so
    /// it must answer from memory (caches filled in the background), never block.
    var completions: any CompletionProvider { get }

    /// Evaluates one complete entry and renders its result.
    func evaluate(_ entry: String) async -> EvaluationResult

    /// Evaluates `entry` for `:watch … until CONDITION`: renders its result,
    /// then evaluates `condition` with the result as `it` and says in
    /// ``EvaluationResult/conditionHolds`` whether it holds. Nothing the
    /// entry defines is kept.
    func evaluate(_ entry: String, until condition: String) async -> EvaluationResult

    /// Runs a meta command that needs the language, such as `:format json`.
    func perform(_ command: HostCommand) async -> EvaluationResult

    /// Extra text for the prompt, shown as `cq <decoration>> `: for example the
    /// default project chosen with `:use`. `nil` for the plain `cq> `.
    func promptDecoration() async -> String?

    /// Cumulative counters, read for the progress line and `:time`.
    func metrics() async -> REPLMetrics
}

extension REPLHost {
    /// Conditions are not understood: the watch stops with an error.
    public func evaluate(_ entry: String, until condition: String) async -> EvaluationResult {
        .failure("this session cannot check `until` conditions\n", exitStatus: ExitStatus.usage)
    }

    /// No decoration: the prompt is `cq> `.
    public func promptDecoration() async -> String? { nil }

    /// No counters: the progress line shows only the elapsed time.
    public func metrics() async -> REPLMetrics { .zero }
}

/// A meta command the REPL parses but the host carries out.
public enum HostCommand: Sendable, Hashable {
    /// `:format FORMAT` sets the output format; `:format` alone (nil) reports it.
    case format(OutputFormat?)
    /// `:schema EXPR` describes the fields of what `EXPR` produces.
    case schema(String)
    /// `:explain QUERY` shows how the query would run, without running it.
    case explain(String)
    /// `:use SLUG` sets the default project; `:use` alone (nil) reports it.
    case use(String?)
    /// `:load FILE` runs the statements in a `.cq` file.
    case load(path: String)
    /// `:help NAME` documents a builtin or topic; `:help` alone (nil) lets the
    /// host add a general section after the list of meta commands.
    case help(topic: String?)
    /// `:open QUERY` opens the web pages of the rows of `QUERY`; `:open` alone
    /// (nil), those of the last query. Only in an interactive session.
    case open(String?)
}

/// How query results are rendered.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case table, json, ndjson, csv, vertical, raw
}
