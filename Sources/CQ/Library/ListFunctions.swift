/// Functions on lists and records.
enum ListFunctions {
    /// The longest list `range` makes.
    static let maxRange = 1_000_000

    private static let list = Parameter("list", .list(.any))
    private static let predicate = Parameter("predicate", .function(arity: 1))

    static let all: [Builtin] = [
        .pure(
            "len", [Parameter("value", .any)], returns: .int, summary: "Length of a list, string or record.",
            examples: ["len([1, 2, 3])", "len(\"text\")"]
        ) { invocation in
            switch invocation["value"] {
            case .list(let list)?: return .int(list.count)
            case .string(let string)?: return .int(string.count)
            case .record(let record)?: return .int(record.fields.count)
            case nil: return .int(0)
            case let value?: throw invocation.typeError("value", expected: "a list, string or record", got: value)
            }
        },
        .pure(
            "keys", [Parameter("record", .any)], returns: .list(.string), summary: "The field names of a record.",
            examples: ["keys({a: 1, b: 2})", "pipelines(\"gh/acme/api\") | first | keys"]
        ) { invocation in
            guard case .record(let record)? = invocation["record"] else { return .list([]) }
            return .list(record.keys.map(Value.string))
        },
        .pure(
            "values", [Parameter("record", .any)], returns: .list(.any), summary: "The field values of a record.",
            examples: ["values({a: 1, b: 2})"]
        ) { invocation in
            guard case .record(let record)? = invocation["record"] else { return .list([]) }
            return .list(Array(record.fields.values))
        },
        .pure(
            "reverse", [list], returns: .list(.any), summary: "The list in reverse order.",
            examples: ["reverse([1, 2, 3])"]
        ) { .list(try $0.list("list").reversed()) },
        .pure(
            "sort", [list], returns: .list(.any), summary: "The list sorted (nulls last).",
            examples: ["sort([3, 1, 2])"]
        ) {
            .list(try $0.list("list").sorted(by: Value.sortsBefore))
        },
        .pure(
            "unique", [list], returns: .list(.any),
            summary: "The list without repeated elements, first occurrences kept.", examples: ["unique([1, 2, 1])"]
        ) { invocation in
            var seen = Set<Value>()
            return .list(try invocation.list("list").filter { seen.insert($0).inserted })
        },
        .pure("first", [list], returns: .any, summary: "The first element, or null.", examples: ["first([1, 2, 3])"]) {
            try $0.list("list").first ?? .null
        },
        .pure("last", [list], returns: .any, summary: "The last element, or null.", examples: ["last([1, 2, 3])"]) {
            try $0.list("list").last ?? .null
        },
        .pure(
            "range", [Parameter("count", .int)], returns: .list(.int),
            summary: "The integers 0 ..< count (at most \(maxRange)).", examples: ["range(5)"]
        ) { invocation in
            let count = Swift.max(0, try invocation.int("count") ?? 0)
            guard count <= maxRange else {
                throw BuiltinError("range(\(count)) would make more than \(maxRange) integers", kind: .limit)
            }
            return .list((0..<count).map(Value.int))
        },
        lambdaFunction(
            "any", summary: "Whether the predicate holds for some element.",
            examples: [
                "any([1, 5, 9], x => x > 8)",
                "pipelines(\"gh/acme/api\") | take 10 | where any(errors, e => e.type == \"config\") | count",
            ]
        ) {
            list, lambda in
            for element in list where try await lambda(element).isTruthy { return .bool(true) }
            return .bool(false)
        },
        lambdaFunction(
            "all", summary: "Whether the predicate holds for every element.", examples: ["all([1, 5, 9], x => x > 0)"]
        ) { list, lambda in
            for element in list where try await !lambda(element).isTruthy { return .bool(false) }
            return .bool(true)
        },
        lambdaFunction(
            "filter", summary: "The elements for which the predicate holds.",
            examples: ["filter([1, 2, 3, 4], x => x > 2)"]
        ) {
            list, lambda in
            var kept: [Value] = []
            for element in list where try await lambda(element).isTruthy { kept.append(element) }
            return .list(kept)
        },
        lambdaFunction(
            "map", summary: "The function applied to each element.", examples: ["map([\"a\", \"b\"], s => upper(s))"]
        ) {
            list, lambda in
            var mapped: [Value] = []
            for element in list { mapped.append(try await lambda(element)) }
            return .list(mapped)
        },
    ]

    private static func lambdaFunction(
        _ name: String, summary: String, examples: [String] = [],
        _ body: @escaping @Sendable ([Value], Lambda) async throws -> Value
    ) -> Builtin {
        Builtin(
            name, kind: .function, parameters: [list, predicate], summary: summary, examples: examples,
            result: .fixed(.any),
            implementation: .function { invocation in
                guard let lambda = invocation.lambdas["predicate"] else {
                    throw BuiltinError("\(name) needs a function, e.g. `x => x.name`")
                }
                return .value(try await body(try invocation.list("list"), lambda))
            })
    }
}
