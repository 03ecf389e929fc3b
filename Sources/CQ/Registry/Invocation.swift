/// The evaluated arguments of one call of a builtin, with its context.
public struct Invocation: Sendable {
    /// The builtin being called.
    public var name: String
    /// Arguments by parameter name; absent optional parameters are missing.
    public var arguments: [String: Value]
    /// Lambda arguments by parameter name.
    public var lambdas: [String: Lambda]
    /// Where the call was written, for errors.
    public var range: SourceRange
    /// The evaluation this call belongs to: clock, limits, caches.
    public var context: EvaluationContext

    /// Creates an invocation.
    public init(
        name: String,
        arguments: [String: Value],
        lambdas: [String: Lambda] = [:],
        range: SourceRange,
        context: EvaluationContext
    ) {
        self.name = name
        self.arguments = arguments
        self.lambdas = lambdas
        self.range = range
        self.context = context
    }

    /// The argument `name`, or `nil` when it was not given or is `null`.
    public subscript(_ name: String) -> Value? {
        guard let value = arguments[name], !value.isNull else { return nil }
        return value
    }

    /// The string argument `name`.
    public func string(_ name: String) throws -> String? {
        guard let value = self[name] else { return nil }
        guard case .string(let string) = value else { throw typeError(name, expected: "a string", got: value) }
        return string
    }

    /// The required string argument `name`.
    public func requiredString(_ name: String) throws -> String {
        guard let string = try string(name) else { throw missing(name) }
        return string
    }

    /// The integer argument `name`.
    public func int(_ name: String) throws -> Int? {
        guard let value = self[name] else { return nil }
        guard let int = value.intValue else { throw typeError(name, expected: "an integer", got: value) }
        return int
    }

    /// The boolean argument `name`.
    public func bool(_ name: String) throws -> Bool? {
        guard let value = self[name] else { return nil }
        guard case .bool(let bool) = value else { throw typeError(name, expected: "true or false", got: value) }
        return bool
    }

    /// The timestamp argument `name`; strings are parsed as ISO 8601.
    public func timestamp(_ name: String) throws -> Value? {
        guard let value = self[name] else { return nil }
        switch value {
        case .timestamp: return value
        case .string(let text):
            guard let date = Timestamp.parse(text) else {
                throw BuiltinError("`\(name)` of \(self.name) is not a timestamp: \"\(text)\"",
                    notes: ["write dates as ISO 8601, e.g. \"2026-11-20\" or \"2026-11-20T12:00:00Z\""])
            }
            return .timestamp(date)
        default: throw typeError(name, expected: "a timestamp", got: value)
        }
    }

    /// An error for an argument of the wrong kind.
    public func typeError(_ parameter: String, expected: String, got value: Value) -> BuiltinError {
        BuiltinError("`\(parameter)` of \(name) must be \(expected), not \(value.kindDescription)")
    }

    private func missing(_ parameter: String) -> BuiltinError {
        BuiltinError("\(name) needs `\(parameter)`")
    }
}
