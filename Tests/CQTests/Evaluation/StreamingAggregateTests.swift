import CQ
import Foundation
import TestSupport
import Testing

/// Aggregates computed as rows stream past give exactly what the aggregates
/// give over the whole list of values (the straightforward semantics they
/// always had), results and errors alike.
@Suite struct StreamingAggregateTests {
    private static let aggregates = ["count", "sum", "avg", "min", "max", "median", "stddev", "count_distinct"]

    /// Random rows `{k, x}`: keys from a few, values of one or several kinds.
    private static func rows(seed: UInt64, count: Int, kinds: [Int]) -> [Value] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let kind = kinds[Int.random(in: 0..<kinds.count, using: &generator)]
            let x: Value =
                switch kind {
                case 0: .int(Int.random(in: -1_000...1_000, using: &generator))
                case 1: .double(Double(Int.random(in: -100_000...100_000, using: &generator)) / 7)
                case 2: .null
                case 3: .duration(.milliseconds(Int.random(in: 0...900_000, using: &generator)))
                case 4: .int(Int.random(in: (Int.max / 4)...Int.max, using: &generator))
                case 5: .bool(Bool.random(using: &generator))
                default: .string(["a", "b", "c"][Int.random(in: 0..<3, using: &generator)])
                }
            return .record([("k", .string("k\(Int.random(in: 0..<5, using: &generator))")), ("x", x)])
        }
    }

    /// The aggregate over a list of values, as its builtin computes it.
    private static func expected(_ name: String, _ values: [Value], context: EvaluationContext) -> Outcome {
        guard case .aggregate(let run)? = BuiltinRegistry.standard.builtin(named: name)?.implementation else {
            return .failure("no aggregate \(name)")
        }
        do {
            let invocation = Invocation(name: name, arguments: [:], range: .at(0), context: context)
            return .success(try run(values, invocation))
        } catch let error as BuiltinError {
            return .failure(error.message)
        } catch {
            return .failure("\(error)")
        }
    }

    private static func evaluate(_ source: String, rows: [Value]) async -> Outcome {
        let evaluator = Evaluator(context: EvaluationContext(registry: .standard))
        var environment = Environment(variables: ["rows": .list(rows)])
        do {
            let data = try await evaluator.run(
                Parser.parse(SourceFile(name: "t", text: source)).program, in: &environment)
            return .success(try await data?.collect() ?? .null)
        } catch let error as RuntimeError {
            return .failure(error.diagnostic.message)
        } catch {
            return .failure("\(error)")
        }
    }

    static let kindMixes: [[Int]] = [
        [0], [0, 2], [1], [0, 1, 2], [3], [3, 2], [4, 4, 0], [0, 3], [5, 0], [6], [0, 6],
    ]

    @Test(arguments: kindMixes.indices)
    func groupByMatchesTheAggregatesOverEachGroupsValues(_ mix: Int) async {
        let rows = Self.rows(seed: UInt64(mix + 1), count: 600, kinds: Self.kindMixes[mix])
        let context = EvaluationContext(registry: .standard)
        var groups: [(key: Value, values: [Value])] = []
        for row in rows {
            let record = row.recordValue
            let key = record?["k"] ?? .null
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].values.append(record?["x"] ?? .null)
            } else {
                groups.append((key, [record?["x"] ?? .null]))
            }
        }
        for name in Self.aggregates {
            let actual = await Self.evaluate("$rows | group by k with v: \(name)(x)", rows: rows)
            var expected: [Value] = []
            var failure: String?
            for group in groups {
                switch Self.expected(name, group.values.filter { !$0.isNull }, context: context) {
                case .success(let value): expected.append(.record([("k", group.key), ("v", value)]))
                case .failure(let message): failure = failure ?? message
                }
            }
            if let failure {
                #expect(actual == .failure(failure), "\(name) over mix \(Self.kindMixes[mix])")
            } else {
                #expect(actual == .success(.list(expected)), "\(name) over mix \(Self.kindMixes[mix])")
            }
            // As a stage over all rows, and over a list.
            let all = rows.compactMap { $0.recordValue?["x"] }.filter { !$0.isNull }
            let whole = Self.expected(name, all, context: context)
            #expect(await Self.evaluate("$rows | \(name)(x)", rows: rows) == whole, "| \(name)(x)")
            #expect(await Self.evaluate("\(name)($rows.x)", rows: rows) == whole, "\(name)(list)")
        }
    }

    @Test func countWithoutAnArgumentCountsRows() async {
        let rows = Self.rows(seed: 9, count: 1_000, kinds: [0, 2, 5])
        #expect(await Self.evaluate("$rows | count", rows: rows) == .success(.int(1_000)))
        let falses = rows.filter { $0.recordValue?["x"] == .bool(false) || $0.recordValue?["x"] == .null }.count
        #expect(await Self.evaluate("$rows | count(x)", rows: rows) == .success(.int(1_000 - falses)))
    }

    @Test func columnsCombiningAggregatesAndKeysStillWork() async {
        let rows = Self.rows(seed: 3, count: 300, kinds: [0])
        let streamed = await Self.evaluate(
            "$rows | group by k with n: count(), share: count(x > 0) / count(), label: \"\\(k): \\(max(x))\", top: (collect(x) | sort | last)",
            rows: rows)
        // The same columns, with the rows kept (a def in a column needs them).
        let kept = await Self.evaluate(
            "def n = count()\n$rows | group by k with n: n, share: count(x > 0) / count(), label: \"\\(k): \\(max(x))\", top: (collect(x) | sort | last)",
            rows: rows)
        #expect(streamed == kept)
        guard case .success(.list(let groups)) = streamed else {
            Issue.record("\(streamed)")
            return
        }
        #expect(groups.count == 5)
    }

    @Test func theRowLimitStillHoldsForEmbedders() async {
        let rows = Self.rows(seed: 5, count: 200, kinds: [0])
        let evaluator = Evaluator(
            context: EvaluationContext(registry: .standard, options: EvaluationOptions(maxRowsPerStage: 100)))
        for source in ["$rows | count", "$rows | group by k with n: count()", "$rows | group by k", "count($rows)"] {
            var environment = Environment(variables: ["rows": .list(rows)])
            await #expect(throws: RuntimeError.self, "\(source)") {
                _ = try await evaluator.run(
                    Parser.parse(SourceFile(name: "t", text: source)).program, in: &environment)?.collect()
            }
        }
    }
}

/// A value, or the message of the error computing it.
enum Outcome: Equatable, Sendable {
    case success(Value)
    case failure(String)
}
