import Foundation
import Testing

/// Each `Examples/NAME.cq` runs against `--demo` with the clock pinned and
/// prints `Examples/expected/NAME.out`. `RECORD_SNAPSHOTS=1` rewrites them.
@Suite(.timeLimit(.minutes(3))) struct ExampleTests {
    static let directory = packageRoot.appendingPathComponent("Examples")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".cq") }.map { String($0.dropLast(3)) }.sorted()
    }()

    /// Examples that change CircleCI state.
    static let writing: Set<String> = ["rerun-failed"]

    @Test func thereAreExamples() {
        #expect(Self.names.count >= 10)
        #expect(Self.names.contains("mission"))
    }

    @Test(arguments: names)
    func example(_ name: String) async throws {
        let script = Self.directory.appendingPathComponent(name + ".cq").path
        var arguments = ["--demo", script]
        if Self.writing.contains(name) { arguments.insert("--allow-writes", at: 0) }
        let result = try await CQ.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.hasSuffix(" rows)\n") || result.stdout.hasSuffix("(1 row)\n"), "every example answers with rows")
        try Golden.check(result.stdout, against: Self.directory.appendingPathComponent("expected/\(name).out"))
    }

    @Test(arguments: names)
    func checksAndRunsDirectly(_ name: String) async throws {
        let script = Self.directory.appendingPathComponent(name + ".cq")
        let text = try String(contentsOf: script, encoding: .utf8)
        #expect(text.hasPrefix("#!/usr/bin/env cq\n# "), "a shebang, then the question the script answers")
        var arguments = ["check", script.path]
        if Self.writing.contains(name) { arguments.insert("--allow-writes", at: 1) }
        let check = try await CQ.run(arguments)
        #expect(check.status == 0, "\(check)")

        // Formatting keeps the comments and is stable.
        let formatted = try await CQ.run(["fmt", script.path])
        #expect(formatted.status == 0, "\(formatted)")
        let comments = text.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(comments.allSatisfy { formatted.stdout.contains($0) })
        let scratch = try ScratchDirectory()
        let again = try await CQ.run(["fmt", try scratch.write(name + ".cq", formatted.stdout)])
        #expect(again.stdout == formatted.stdout)
    }

    @Test func writingExamplesAreRefusedWithoutAllowWrites() async throws {
        for name in Self.writing {
            let result = try await CQ.run(["--demo", Self.directory.appendingPathComponent(name + ".cq").path])
            #expect(result.status == 65, "\(result)")
            #expect(result.stderr.contains("--allow-writes"))
        }
    }
}
