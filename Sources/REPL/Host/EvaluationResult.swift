/// The rendered outcome of evaluating an entry or a host meta command.
public struct EvaluationResult: Sendable, Hashable {
    /// Text for standard output (results). A final newline is added if missing.
    public var output: String
    /// Text for standard error (rendered diagnostics). A final newline is added if missing.
    public var errorOutput: String
    /// 0 for success, otherwise a sysexits-style status (65 query error, 69 service
    /// unavailable, 70 runtime error, 77 auth). A script run from a pipe stops at
    /// the first entry with a non-zero status and exits with it.
    public var exitStatus: Int32
    /// What the run cost (time, requests, cache hits, …), printed after the
    /// result when `:time` is on; `nil` to let the REPL report its own counters.
    public var statistics: String?
    /// For `:watch … until CONDITION`: whether the condition holds of this
    /// result; nil when there is no condition.
    public var conditionHolds: Bool?

    /// Creates a result from its parts.
    public init(
        output: String = "", errorOutput: String = "", exitStatus: Int32 = 0, statistics: String? = nil,
        conditionHolds: Bool? = nil
    ) {
        self.output = output
        self.errorOutput = errorOutput
        self.exitStatus = exitStatus
        self.statistics = statistics
        self.conditionHolds = conditionHolds
    }

    /// A successful result that prints `output`.
    public static func success(_ output: String) -> EvaluationResult {
        EvaluationResult(output: output)
    }

    /// A failed result that prints `message` on standard error.
    public static func failure(_ message: String, exitStatus: Int32 = ExitStatus.queryError) -> EvaluationResult {
        EvaluationResult(errorOutput: message, exitStatus: exitStatus)
    }
}

/// The exit statuses the REPL itself produces (sysexits, as in the rest of cq).
public enum ExitStatus {
    /// Everything worked.
    public static let success: Int32 = 0
    /// A meta command was used wrongly (EX_USAGE).
    public static let usage: Int32 = 64
    /// A query failed (EX_DATAERR); the default for ``EvaluationResult/failure(_:exitStatus:)``.
    public static let queryError: Int32 = 65
    /// Ctrl-C (128 + SIGINT).
    public static let interrupted: Int32 = 130
}
