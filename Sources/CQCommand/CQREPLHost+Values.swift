import CQ
import Foundation
import REPL

/// The REPL commands that need a query's value rather than its printout:
/// `:open` and `:watch … until`.
extension CQREPLHost {
    /// Whether results are coloured (`cq watch` into a pipe: never).
    func useColors(_ colored: Bool) {
        runner.renderer.colored = colored
    }

    /// `:open [QUERY]`: opens the pages of the rows of `QUERY`, or of the last entry.
    func open(_ text: String?) async -> EvaluationResult {
        guard let query = text ?? lastEntry else {
            return .failure("`:open` needs a query: none has run yet\n", exitStatus: REPL.ExitStatus.usage)
        }
        let errors = CQ.StringSink()
        let (value, status) = await value(of: SourceFile(name: "open", text: query), errors: errors)
        guard status == .success else {
            return EvaluationResult(errorOutput: await errors.text, exitStatus: status.rawValue)
        }
        var messages = ""
        do {
            try WebPages.open(value ?? .null, environment: ProcessInfo.processInfo.environment) { messages += $0 }
        } catch {
            return EvaluationResult(errorOutput: messages + "cq: \(error.message)\n", exitStatus: error.status.rawValue)
        }
        return EvaluationResult(errorOutput: messages)
    }

    /// `:watch SECONDS QUERY until CONDITION`: the result of `entry` printed,
    /// and whether `condition` holds of it. The condition is evaluated with
    /// the result as `it`: as a `map` over a one-row list, so that a record
    /// result's fields can be named bare (`until state != "running"`) and a
    /// list is `it` (`until all(it, p => p.state != "running")`). A pipeline
    /// inside the condition goes in parentheses: `until (it | where …) == []`.
    func evaluate(_ entry: String, until condition: String) async -> EvaluationResult {
        let output = CQ.StringSink()
        let errors = CQ.StringSink()
        let (value, status) = await value(of: SourceFile(name: "watch", text: entry), errors: errors)
        guard status == .success, let value else {
            return EvaluationResult(errorOutput: await errors.text, exitStatus: status.rawValue)
        }
        do {
            _ = try await runner.renderer.render(.value(value), to: output)
        } catch {
            return EvaluationResult(errorOutput: "cq: error: \(error)\n", exitStatus: ExitStatus.software.rawValue)
        }
        // The condition on a line of its own, so that a diagnostic's line and column are the condition's.
        let name = "cq_watch_result"
        let source = SourceFile(name: "until", text: "[$\(name)] | map\n\(condition)")
        var environment = self.environment
        environment.variables[name] = .value(value)
        var bindings = self.bindings
        bindings.variables[name] = resultType(of: entry)
        let (holds, conditionStatus) = await runner.writing(to: CQ.StringSink(), errors: errors)
            .value(of: source, environment: &environment, bindings: &bindings)
        return EvaluationResult(
            output: await output.text, errorOutput: await errors.text, exitStatus: conditionStatus.rawValue,
            conditionHolds: conditionStatus == .success ? holds?.listValue?.first?.isTruthy ?? false : nil)
    }

    /// Runs `source` with the session's definitions (which it does not change) and keeps its value.
    private func value(of source: SourceFile, errors: CQ.StringSink) async -> (Value?, ExitStatus) {
        var environment = self.environment
        var bindings = self.bindings
        return await runner.writing(to: CQ.StringSink(), errors: errors)
            .value(of: source, environment: &environment, bindings: &bindings)
    }

    /// The checker's type of the value of `text`'s last expression.
    private func resultType(of text: String) -> ValueType {
        let parsed = Parser.parse(SourceFile(name: "watch", text: text))
        guard case .expression(let expr)? = parsed.program.statements.last?.kind else { return .any }
        return Checker(registry: runner.engine.registry).type(of: expr, bindings: bindings)
    }
}
