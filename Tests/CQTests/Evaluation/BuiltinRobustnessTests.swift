import CQ
import Foundation
import Testing

/// Every standard builtin called with awkward arguments: extremes, wrong kinds,
/// empty and nested values. Errors are fine; a crash fails the whole run.
@Suite struct BuiltinRobustnessTests {
    static let awkwardArguments = [
        "0", "-1", "9223372036854775807", "-9223372036854775807", "1e308", "-1e308", "1e308 * 10", "0.5",
        "\"\"", "\"café\"", "\"2026-11-20\"", "\"[1,\"", "'(unclosed'", "null", "true", "[]", "[1, \"a\", null]",
        "{}", "{a: {b: 1}}", "0s", "9999999999999d", "now()", "date(\"0001-01-01\")", "x => x",
    ]

    static let builtins: [Builtin] = BuiltinRegistry.standard.builtins.filter { $0.effect == .pure }

    @Test(arguments: builtins.map(\.name))
    func survivesAwkwardArguments(_ name: String) async {
        guard let builtin = BuiltinRegistry.standard.builtin(named: name) else { return }
        var generator = SystemRandomNumberGenerator()
        var calls: [String] = ["\(name)()"]
        for first in Self.awkwardArguments {
            var arguments = [first]
            for _ in 1..<max(1, builtin.parameters.count) {
                arguments.append(Self.awkwardArguments.randomElement(using: &generator) ?? "0")
            }
            calls.append("\(name)(\(arguments.joined(separator: ", ")))")
            calls.append("[\(first), \(first)] | \(name)")
        }
        for call in calls {
            _ = await Self.evaluate(call)
        }
    }

    @Test(arguments: ["+", "-", "*", "/", "%", "<", "==", "in", "=~", "??", "and"])
    func operatorsSurviveAwkwardOperands(_ op: String) async {
        for left in Self.awkwardArguments.dropLast() {
            for right in Self.awkwardArguments.dropLast() {
                _ = await Self.evaluate("(\(left)) \(op) (\(right))")
            }
        }
    }

    /// Evaluates `text`, returning whether it produced a value (errors are expected).
    static func evaluate(_ text: String) async -> Bool {
        let parsed = Parser.parse(SourceFile(name: "fuzz", text: text))
        guard !parsed.hasErrors else { return false }
        let registry = BuiltinRegistry.standard
        let evaluator = Evaluator(context: EvaluationContext(registry: registry, options: EvaluationOptions(maxSteps: 100_000)))
        var environment = Environment()
        do {
            let data = try await evaluator.run(parsed.program, in: &environment)
            let value = try await data?.collect()
            _ = value?.jsonText()
            _ = value?.cellText
            return true
        } catch {
            return false
        }
    }
}
