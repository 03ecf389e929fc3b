/// A function value passed to a builtin: `x => x.status == "failed"`.
///
/// Lambdas are not ``Value``s; they reach builtins through
/// ``Invocation/lambdas`` for parameters of type ``ValueType/function``.
public struct Lambda: Sendable {
    /// The number of parameters it takes.
    public let arity: Int
    private let body: @Sendable ([Value]) async throws -> Value

    /// Creates a lambda.
    public init(arity: Int, body: @escaping @Sendable ([Value]) async throws -> Value) {
        self.arity = arity
        self.body = body
    }

    /// Calls the lambda; missing arguments are `null`, extra ones are ignored.
    public func callAsFunction(_ arguments: Value...) async throws -> Value {
        try await body(arguments)
    }
}
