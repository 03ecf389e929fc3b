import CQ
import Testing

/// Queries that would exhaust memory or run unbounded stop with a clear error.
@Suite struct ResourceLimitTests {
    private func evaluate(_ text: String, options: EvaluationOptions = EvaluationOptions()) async -> Result<Value, RuntimeError> {
        let evaluator = Evaluator(context: EvaluationContext(registry: .standard, options: options))
        var environment = Environment()
        do {
            let data = try await evaluator.run(Parser.parse(SourceFile(name: "limits", text: text)).program, in: &environment)
            return .success(try await data?.collect() ?? .null)
        } catch let error as RuntimeError {
            return .failure(error)
        } catch {
            Issue.record("unexpected \(error)")
            return .success(.null)
        }
    }

    @Test(arguments: ["\"xxxxxxxxxxxxxxxx\"", "[1, 2, 3, 4]"])
    func chainedDoublingsStopAtTheSizeLimit(_ seed: String) async {
        let doublings = (1...32).map { "let a\($0) = $a\($0 - 1) + $a\($0 - 1)" }.joined(separator: "\n")
        let result = await evaluate("let a0 = \(seed)\n\(doublings)\nlen($a32)")
        guard case .failure(let error) = result else {
            Issue.record("32 doublings did not stop: \(result)")
            return
        }
        #expect(error.diagnostic.id == "value-too-large")
        #expect(error.kind == .limit)
    }

    @Test func builtinWorkCountsAsSteps() async {
        let options = EvaluationOptions(maxSteps: 100_000)
        let result = await evaluate("let big = range(10000)\nmap(range(100), x => len(join($big, \",\")))", options: options)
        guard case .failure(let error) = result else {
            Issue.record("a join of 10,000 items 100 times took no more than 100,000 steps: \(result)")
            return
        }
        #expect(error.diagnostic.id == "step-limit")
        // The same work within the budget.
        #expect((try? await evaluate("let big = range(10000)\nlen(join($big, \",\"))", options: options).get()) == .int(48_889))
    }

    @Test func embeddingDefaultsAreSafe() {
        let options = EvaluationOptions()
        #expect(!options.allowWrites && !options.allowFiles)
        #expect(options.maxStringBytes > 0 && options.maxListCount > 0 && options.maxSteps > 0)
    }
}
