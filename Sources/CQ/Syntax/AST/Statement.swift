/// A whole cq program: a script file, a `-e` query or one REPL entry.
public struct Program: Sendable, Hashable {
    /// The statements in order.
    public var statements: [Statement]
    /// Every comment in the source, in order. Comments do not affect evaluation;
    /// they are kept for the formatter.
    public var comments: [Comment]

    /// Creates a program.
    public init(statements: [Statement], comments: [Comment] = []) {
        self.statements = statements
        self.comments = comments
    }
}

/// A top-level statement. Statements are separated by newlines or `;`.
public struct Statement: Sendable, Hashable {
    /// The kind of statement.
    public enum Kind: Sendable, Hashable {
        /// `let name = expr`
        case `let`(Identifier, Expr)
        /// `def name(a, b) = expr` or `def name = expr`.
        ///
        /// A body that starts with a stage keyword (`where`, `select`, …) is parsed
        /// as an ``Expr/Kind/stageChain(_:)`` and defines a stage:
        /// `def failing = where status == "failed"` is used as `… | failing`.
        case def(Identifier, parameters: [Identifier], body: Expr)
        /// A query whose value is the statement's result.
        case expression(Expr)
    }

    /// What this statement is.
    public var kind: Kind
    /// Where it was written.
    public var range: SourceRange

    /// Creates a statement.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
