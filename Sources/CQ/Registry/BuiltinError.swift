/// An error a builtin reports; the evaluator attaches the call's source range.
public struct BuiltinError: Error, Sendable, Hashable {
    /// What went wrong, for the exit status.
    public typealias Kind = FailureKind

    /// The one-line message.
    public var message: String
    /// The category.
    public var kind: Kind
    /// Extra explanation and suggestions.
    public var notes: [String]

    /// Creates a builtin error.
    public init(_ message: String, kind: Kind = .query, notes: [String] = []) {
        self.message = message
        self.kind = kind
        self.notes = notes
    }
}
