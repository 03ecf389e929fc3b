/// A program after binding: what the evaluator runs.
public struct BoundProgram: Sendable {
    /// The statements, in order.
    public var statements: [BoundStatement]

    /// Creates a bound program.
    public init(statements: [BoundStatement]) {
        self.statements = statements
    }

    /// The last expression statement, if any: the query's answer.
    public var result: BoundExpr? {
        for statement in statements.reversed() {
            if case .expression(let expr) = statement.kind { return expr }
        }
        return nil
    }
}

/// A bound `let`, `def` or expression statement.
public struct BoundStatement: Sendable {
    /// What the statement is.
    public enum Kind: Sendable {
        /// `let name = value`.
        case `let`(String, BoundExpr)
        /// `def name(parameters) = body`.
        case def(UserFunction)
        /// An expression.
        case expression(BoundExpr)
    }

    /// What it is.
    public var kind: Kind
    /// Where it was written.
    public var range: SourceRange
}
