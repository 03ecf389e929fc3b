/// Whether an entry can be evaluated or needs more lines.
public enum InputCompleteness: Sendable, Hashable {
    /// The entry is ready (it may still contain errors; the evaluator reports them).
    case complete
    /// More input is needed. `open` is a short symbol for what is still open,
    /// shown in the continuation prompt like psql's `%R`: `(`, `[`, `{`, `"` for an
    /// open string, `|` for a trailing pipe. `cq(> ` is the prompt for `open: "("`.
    case incomplete(open: String)
}

/// Decides whether an entry is complete; the real one comes from the cq lexer.
public protocol InputCompletenessChecking: Sendable {
    /// Classifies `entry`, the lines typed so far joined with `"\n"`.
    func completeness(of entry: String) -> InputCompleteness
}
