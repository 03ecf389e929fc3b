import CQ
import Testing

/// Table tests of the completion engine: source text with the cursor at `⎀` → candidates.
@Suite struct CompletionEngineTests {
    static let job = RecordSchema(
        name: "Job",
        fields: [
            .init("name", .string), .init("status", .enumeration(["success", "failed", "running"])),
            .init("job_number", .optional(.int)),
        ])
    static let pipeline = RecordSchema(
        name: "Pipeline",
        fields: [
            .init("id", .string), .init("number", .int), .init("state", .enumeration(["success", "failed"])),
            .init("vcs", .record(RecordSchema(name: "Pipeline.vcs", fields: [.init("branch", .string), .init("revision", .string)]))),
        ])

    static let engine: CompletionEngine = {
        var registry = BuiltinRegistry.standard
        registry.register(schema: pipeline)
        registry.register(schema: job)
        registry.register(Builtin(
            "pipelines", kind: .source,
            parameters: [Parameter("project", .string, required: false), Parameter("branch", .string, required: false, labelled: true)],
            summary: "pipelines", result: .fixed(.list(.record(pipeline))), effect: .readsAPI,
            implementation: .function { _ in .value(.null) }))
        registry.register(Builtin(
            "jobs", kind: .fanOut, summary: "jobs", inputTypes: ["Pipeline"], result: .fixed(.list(.record(job))),
            implementation: .fanOut { _, _ in .value(.null) }))
        registry.register(Builtin(
            "insights", kind: .source,
            parameters: [Parameter("project", .string), Parameter("window", .enumeration(["last-7-days", "last-30-days"]), required: false, labelled: true)],
            summary: "insights", result: .fixed(.any), implementation: .function { _ in .value(.null) }))
        return CompletionEngine(
            registry: registry, bindings: Checker.Bindings(variables: ["since": .timestamp]),
            slugs: ["gh/acme/api", "gh/acme/web", "bb/acme/legacy"])
    }()

    /// (text with ⎀ at the cursor, expected candidate texts — all of them when `exact`, else a subset).
    static let cases: [(String, [String], Bool)] = [
        ("pipelines(\"gh/ac⎀", ["gh/acme/api", "gh/acme/web"], true),
        ("pipelines(\"⎀", ["gh/acme/api", "gh/acme/web", "bb/acme/legacy"], true),
        ("pipelines(\"gh/acme/api\") | ⎀", ["where", "select", "jobs", "count", "sort"], false),
        ("pipelines(\"gh/acme/api\") | wh⎀", ["where"], true),
        ("pipelines(\"gh/acme/api\") | where st⎀", ["state", "starts_with"], false),
        ("pipelines(\"gh/acme/api\") | where vcs.⎀", ["branch", "revision"], true),
        ("pipelines(\"gh/acme/api\") | where vcs.br⎀", ["branch"], true),
        ("pipelines(\"gh/acme/api\") | jobs | where status == ⎀", ["\"success\"", "\"failed\"", "\"running\""], true),
        ("pipelines(\"gh/acme/api\") | jobs | where status == \"fa⎀", ["failed"], true),
        ("pipelines(\"gh/acme/api\") | jobs | where status in [\"failed\", ⎀", ["\"success\"", "\"failed\"", "\"running\""], true),
        ("pipelines(\"gh/acme/api\") | jobs | select na⎀", ["name"], true),
        ("pipelines(\"gh/acme/api\") | jobs | sort by job⎀", ["job_number"], true),
        ("pipelines(\"gh/acme/api\") | sort ⎀", ["by"], true),
        ("pipelines(\"gh/acme/api\")\n  | jobs\n  | where sta⎀", ["status"], false),
        ("pipelines(\"gh/acme/api\", ⎀", ["branch:"], false),
        ("insights(\"gh/acme/api\", window: \"⎀", ["last-7-days", "last-30-days"], true),
        ("pipel⎀", ["pipelines"], true),
        ("le⎀", ["len", "let"], false),
        ("$si⎀", ["since"], true),
        ("count(pipelines(\"gh/acme/api\") | where nu⎀", ["number"], false),
        ("pipelines(\"gh/acme/api\") | map it.vc⎀", ["vcs"], true),
        ("pipelines(\"gh/acme/api\") | jobs | where status != \"⎀", ["success", "failed", "running"], true),
        ("# comment pip⎀", [], true),
    ]

    @Test(arguments: cases.indices)
    func completes(_ index: Int) {
        let (marked, expected, exact) = Self.cases[index]
        let cursor = marked.utf8.count - (marked.range(of: "⎀").map { marked[$0.upperBound...].utf8.count } ?? 0) - "⎀".utf8.count
        let text = marked.replacingOccurrences(of: "⎀", with: "")
        let completion = Self.engine.complete(text, cursor: cursor)
        let texts = completion.candidates.map(\.text)
        if exact {
            #expect(Set(texts) == Set(expected), "\(marked) → \(texts)")
        } else {
            #expect(Set(expected).isSubset(of: Set(texts)), "\(marked) → \(texts)")
        }
    }

    @Test func fieldsComeBeforeFunctions() {
        let text = "pipelines(\"gh/acme/api\") | where st"
        let completion = Self.engine.complete(text, cursor: text.utf8.count)
        #expect(completion.candidates.first?.text == "state")
    }

    @Test func replacedRangeCoversTheTypedWord() {
        let text = "pipelines(\"gh/acme/api\") | where st"
        let completion = Self.engine.complete(text, cursor: text.utf8.count)
        #expect(completion.range == SourceRange(start: text.utf8.count - 2, end: text.utf8.count))
    }

    @Test func slugCandidatesCloseTheString() {
        let text = "pipelines(\"gh/acme/a"
        let completion = Self.engine.complete(text, cursor: text.utf8.count)
        #expect(completion.candidates.map(\.suffix) == ["\""])
        #expect(completion.range.start == "pipelines(\"".utf8.count)
    }
}
