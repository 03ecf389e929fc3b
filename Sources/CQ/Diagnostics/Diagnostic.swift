/// A problem found in a cq program, as data.
///
/// Diagnostics come from the lexer, the parser, the checker and the evaluator.
/// Rendering them (`file:line:col: error: …`, the source line, a caret) is a
/// separate, pure function: ``DiagnosticRenderer``.
public struct Diagnostic: Sendable, Hashable, Error {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        case note
    }

    /// A secondary message, optionally pointing at another place in the source.
    public struct Note: Sendable, Hashable {
        /// The text of the note, e.g. "did you mean `status`?".
        public var message: String
        /// Where the note points, if anywhere.
        public var range: SourceRange?

        /// Creates a note.
        public init(_ message: String, range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// A suggested edit: replace the text in `range` with `replacement`.
    public struct FixIt: Sendable, Hashable {
        /// The text to replace.
        public var range: SourceRange
        /// The replacement text.
        public var replacement: String

        /// Creates a fix-it.
        public init(range: SourceRange, replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// A stable identifier from the catalogue, e.g. `unknown-field`.
    public var id: String
    /// The one-line message.
    public var message: String
    /// The source range the caret or underline is drawn under.
    public var range: SourceRange
    /// Further explanations and suggestions.
    public var notes: [Note]
    /// A suggested replacement, if one is known.
    public var fixIt: FixIt?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error,
        id: String,
        message: String,
        range: SourceRange,
        notes: [Note] = [],
        fixIt: FixIt? = nil
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.range = range
        self.notes = notes
        self.fixIt = fixIt
    }
}
