/// Why an evaluation failed, which decides the exit status of `cq`.
public enum FailureKind: String, Sendable, Hashable {
    /// The query asked for something impossible (bad argument, wrong type). Exit 65.
    case query
    /// Something failed while running (unexpected data). Exit 70.
    case runtime
    /// The API refused the credentials (401, 403). Exit 77.
    case authentication
    /// The service could not be reached or kept failing (5xx, timeouts). Exit 69.
    case unavailable
    /// The thing asked for does not exist, or the token cannot see it. Exit 70.
    case notFound
    /// The action needs a permission the evaluation does not have (writes, files). Exit 65.
    case permission
    /// A step, depth, request or time limit was reached. Exit 70.
    case limit
}

/// An evaluation failure pointing at the part of the query that caused it.
public struct RuntimeError: Error, Sendable, Hashable {
    /// The message, range and notes.
    public var diagnostic: Diagnostic
    /// The category, for the exit status.
    public var kind: FailureKind

    /// Creates a runtime error.
    public init(_ kind: FailureKind, id: String, message: String, range: SourceRange, notes: [String] = []) {
        self.kind = kind
        self.diagnostic = Diagnostic(
            .error, id: id, message: message, range: range, notes: notes.map { Diagnostic.Note($0) })
    }
}
