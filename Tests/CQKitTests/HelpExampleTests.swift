import CQ
import CQKit
import Foundation
import Testing

/// Every example `cq help` shows — of every language topic and every builtin,
/// CircleCI ones included — compiles without a diagnostic and runs against
/// the simulated organisation (`cq --demo`). Write examples run on a fresh
/// organisation with writes allowed. One at a time: the timing tests of
/// other suites run beside these on a small machine.
@Suite(.serialized, .timeLimit(.minutes(3))) struct HelpExampleTests {
    static let registry = Harness().engine.registry

    /// Each example with where it comes from.
    static let examples: [Example] =
        registry.topics.flatMap { topic in topic.examples.map { Example(owner: topic.name, text: $0, writes: false) } }
        + registry.builtins.flatMap { builtin in
            builtin.examples.map { Example(owner: builtin.name, text: $0, writes: builtin.effect == .writesAPI) }
        }

    struct Example: Sendable, CustomTestStringConvertible {
        let owner: String
        let text: String
        let writes: Bool
        var testDescription: String { "\(owner): \(text)" }
    }

    @Test(arguments: examples)
    func exampleRuns(_ example: Example) async throws {
        // Examples of `open` read fixture files: allowed here, as in the CLI.
        let harness = Harness(
            allowWrites: example.writes, evaluation: EvaluationOptions(allowWrites: example.writes, allowFiles: true))
        let text = try Self.withFixtureFiles(example.text)
        let query: CompiledQuery
        do {
            var bindings = Checker.Bindings()
            query = try harness.engine.compile(SourceFile(name: "example", text: text), bindings: &bindings)
        } catch {
            Issue.record("the example of \(example.owner) does not compile:\n\(error.rendered())")
            return
        }
        #expect(query.warnings.isEmpty, "\(example.owner): \(query.warnings.map(\.message))")
        var environment = Environment()
        _ = try await harness.engine.run(query, in: &environment)?.collect()
    }

    /// `example` with each file it `open`s written to a scratch folder (two
    /// jobs: NDJSON for a `.ndjson` name, else a JSON array) and its path
    /// replaced by that file's; standard input (`open("-")`, `stdin()`) is
    /// read from such a file instead, as a pipe would give it.
    static func withFixtureFiles(_ example: String) throws -> String {
        var text = example.replacingOccurrences(of: "stdin()", with: #"open("stdin.ndjson")"#)
            .replacingOccurrences(of: #"open("-")"#, with: #"open("stdin.ndjson")"#)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cq-help-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let jobs = [
            #"{"name": "test", "status": "failed", "duration": 90}"#,
            #"{"name": "lint", "status": "success", "duration": 30}"#,
        ]
        for match in text.matches(of: /open\("([^"]+)"\)/) {
            let file = folder.appendingPathComponent(String(match.1))
            let body = match.1.hasSuffix(".ndjson") ? jobs.joined(separator: "\n") : "[\(jobs.joined(separator: ", "))]"
            try body.write(to: file, atomically: true, encoding: .utf8)
            text = text.replacingOccurrences(of: "\"\(match.1)\"", with: "\"\(file.path)\"")
        }
        return text
    }
}
