extension Builtin {
    /// A pure function whose body computes a value from its invocation.
    static func pure(
        _ name: String,
        _ parameters: [Parameter],
        returns result: ValueType,
        summary: String,
        examples: [String] = [],
        _ body: @escaping @Sendable (Invocation) throws -> Value
    ) -> Builtin {
        Builtin(
            name, kind: .function, parameters: parameters, summary: summary, examples: examples,
            result: .fixed(result), implementation: .function { .value(try body($0)) })
    }

    /// An aggregate over the non-null values of its first (per-row) argument.
    static func aggregate(
        _ name: String,
        _ extra: [Parameter] = [],
        returns result: ResultType,
        summary: String,
        details: String = "",
        examples: [String] = [],
        _ body: @escaping @Sendable ([Value], Invocation) throws -> Value
    ) -> Builtin {
        let values = Parameter("values", .any, required: false, perRow: true, summary: "what to aggregate, per row")
        return Builtin(
            name, kind: .aggregate, parameters: [values] + extra, summary: summary, details: details,
            examples: examples,
            result: result,
            implementation: .aggregate { values, invocation in
                try body(values.filter { !$0.isNull }, invocation)
            })
    }
}

extension Invocation {
    /// The argument `name` as a list, or an error.
    public func list(_ name: String) throws -> [Value] {
        guard let value = self[name] else { return [] }
        guard case .list(let list) = value else { throw typeError(name, expected: "a list", got: value) }
        return list
    }

    /// The argument `name` as a number, or an error.
    public func number(_ name: String) throws -> Double? {
        guard let value = self[name] else { return nil }
        guard let number = value.numberValue else { throw typeError(name, expected: "a number", got: value) }
        return number
    }
}
