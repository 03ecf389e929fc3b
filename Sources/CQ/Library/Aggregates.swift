/// `count`, `sum`, `avg`, `min`, `max`, `median`, `percentile`, `stddev`,
/// `count_distinct` and `collect`.
///
/// Each works three ways: in `group by … with` (its argument is evaluated per
/// row of the group), as a stage (`| avg(duration)`), and as a function of a
/// list (`avg([1, 2, 3])`). Nulls are ignored. Numbers and durations can be
/// summed and averaged; anything ordered has a minimum, maximum and median.
enum Aggregates {
    static let all: [Builtin] = [
        .aggregate(
            "count", returns: .fixed(.int),
            summary: "Number of values that are not null or false (count() counts rows).",
            examples: [
                "[1, null, 3] | count",
                "pipelines(\"gh/acme/api\") | take 20 | jobs | group by name with failures: count(status == \"failed\"), runs: count()",
            ]
        ) { values, _ in
            .int(values.filter { $0 != .bool(false) }.count)
        },
        .aggregate(
            "sum", returns: .firstArgument, summary: "Sum of numbers or durations.",
            examples: ["sum([1, 2, 3])", "[1m, 2m30s] | sum"]
        ) { values, invocation in
            try sum(values, invocation)
        },
        .aggregate(
            "avg", returns: .firstArgument, summary: "Arithmetic mean of numbers or durations.",
            examples: [
                "avg([1, 2, 3, 4])",
                "pipelines(\"gh/acme/api\") | take 10 | jobs | where type == \"build\" | avg(duration)",
            ]
        ) { values, invocation in
            guard !values.isEmpty else { return .null }
            return try divide(try sum(values, invocation), by: Double(values.count))
        },
        .aggregate("min", returns: .firstArgument, summary: "Smallest value.", examples: ["min([3, 1, 2])"]) {
            values, invocation in
            try sorted(values, invocation).first ?? .null
        },
        .aggregate(
            "max", returns: .firstArgument, summary: "Largest value.",
            examples: ["max([3m, 10m])", "pipelines(\"gh/acme/api\") | take 10 | max(created_at)"]
        ) { values, invocation in
            try sorted(values, invocation).last ?? .null
        },
        .aggregate(
            "median", returns: .firstArgument, summary: "Middle value (50th percentile).",
            examples: ["median([1, 2, 3, 10])"]
        ) { values, invocation in
            try percentile(values, 50, invocation)
        },
        .aggregate(
            "percentile", [Parameter("p", .number, summary: "the percentile, 0 to 100")], returns: .firstArgument,
            summary: "The p-th percentile, interpolating between neighbours.",
            details: "Over job durations, keep `where type == \"build\"` first: an approval job's duration is the time "
                + "it waited for someone to approve (cq warns when a Job `duration` is aggregated without that filter).",
            examples: [
                "percentile([1, 2, 3, 4, 5], 90)",
                #"pipelines("gh/acme/api") | take 30 | jobs | where type == "build" | group by name with p95: percentile(duration, 95) | sort by p95 desc"#,
            ]
        ) { values, invocation in
            guard let p = try invocation.number("p"), (0...100).contains(p) else {
                throw BuiltinError(
                    "percentile needs `p` between 0 and 100", notes: ["for the 95th percentile write 95"])
            }
            return try percentile(values, p, invocation)
        },
        .aggregate(
            "stddev", returns: .firstArgument, summary: "Population standard deviation.",
            examples: ["stddev([2, 4, 4, 4, 5, 5, 7, 9])"]
        ) { values, invocation in
            let numbers = try values.map { try number($0, invocation) }
            guard !numbers.isEmpty else { return .null }
            let mean = numbers.reduce(0, +) / Double(numbers.count)
            let variance = numbers.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(numbers.count)
            let deviation = variance.squareRoot()
            if case .duration = values[0] { return .duration(.seconds(fromDouble: deviation)) }
            return .double(deviation)
        },
        .aggregate(
            "count_distinct", returns: .fixed(.int), summary: "Number of different values.",
            examples: [
                "count_distinct([\"a\", \"b\", \"a\"])",
                "pipelines(\"gh/acme/api\") | take 20 | count_distinct(vcs.branch)",
            ]
        ) { values, _ in
            .int(Set(values).count)
        },
        .aggregate(
            "collect", returns: .fixed(.list(.any)), summary: "The values as a list.",
            examples: ["pipelines(\"gh/acme/api\") | take 5 | jobs | group by status with names: collect(name)"]
        ) { values, _ in
            .list(values)
        },
    ]

    private static func sum(_ values: [Value], _ invocation: Invocation) throws -> Value {
        guard let first = values.first else { return .int(0) }
        if case .duration = first {
            var total = Duration.zero
            for value in values {
                guard case .duration(let duration) = value else { throw mixed(invocation) }
                total += duration
            }
            return .duration(total)
        }
        if values.allSatisfy({ if case .int = $0 { true } else { false } }) {
            var total = 0
            for value in values {
                let (next, overflow) = total.addingReportingOverflow(value.intValue ?? 0)
                // Past 64 bits the sum is a float, as for `+`.
                guard !overflow else { return .double(values.reduce(0) { $0 + Double($1.intValue ?? 0) }) }
                total = next
            }
            return .int(total)
        }
        return .double(try values.map { try number($0, invocation) }.reduce(0, +))
    }

    static func divide(_ value: Value, by count: Double) throws -> Value {
        switch value {
        case .duration(let duration): .duration(.seconds(fromDouble: duration.seconds / count))
        default: .double((value.numberValue ?? 0) / count)
        }
    }

    private static func sorted(_ values: [Value], _ invocation: Invocation) throws -> [Value] {
        for value in values.dropFirst() {
            guard (try? value.compare(to: values[0])) != nil else { throw mixed(invocation) }
        }
        return values.sorted(by: Value.sortsBefore)
    }

    private static func percentile(_ values: [Value], _ p: Double, _ invocation: Invocation) throws -> Value {
        let ordered = try sorted(values, invocation)
        guard !ordered.isEmpty else { return .null }
        let rank = p * Double(ordered.count - 1) / 100
        let lower = Int(rank.rounded(.down))
        let upper = Swift.min(lower + 1, ordered.count - 1)
        let fraction = rank - Double(lower)
        switch (ordered[lower], ordered[upper]) {
        case (.duration(let a), .duration(let b)):
            return .duration(.seconds(fromDouble: a.seconds + (b.seconds - a.seconds) * fraction))
        case (.int(let a), .int(let b)) where fraction == 0 || a == b:
            return .int(a)
        default:
            guard let a = ordered[lower].numberValue, let b = ordered[upper].numberValue else {
                return fraction < 0.5 ? ordered[lower] : ordered[upper]
            }
            return .double(a + (b - a) * fraction)
        }
    }

    static func number(_ value: Value, _ invocation: Invocation) throws -> Double {
        if case .duration(let duration) = value { return duration.seconds }
        guard let number = value.numberValue else {
            throw BuiltinError("\(invocation.name) needs numbers or durations, not \(value.kindDescription)")
        }
        return number
    }

    static func mixed(_ invocation: Invocation) -> BuiltinError {
        BuiltinError("\(invocation.name) needs values of one kind (all numbers, all durations, …)")
    }
}
