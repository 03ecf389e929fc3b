import CQ
import Testing

/// Completion that depends on what flows at the cursor: stages offered after
/// `|` for the row type there, and branch, workflow and job names inside
/// strings that hold them.
@Suite struct CompletionContextTests {
    static let workflow = RecordSchema(name: "Workflow", fields: [.init("name", .string), .init("id", .string)])
    static let run = RecordSchema(name: "WorkflowRun", fields: [.init("branch", .optional(.string)), .init("workflow", .string)])

    static let engine: CompletionEngine = {
        var engine = CompletionEngineTests.engine
        var registry = engine.registry
        registry.register(schema: workflow)
        registry.register(schema: run)
        let none: Builtin.Implementation = .fanOut { _, _ in .value(.null) }
        registry.register(Builtin(
            "logs", kind: .fanOut, summary: "logs", inputTypes: ["Job"], result: .fixed(.list(.string)), implementation: none))
        registry.register(Builtin(
            "tests", kind: .fanOut, summary: "tests", inputTypes: ["Job"], result: .fixed(.list(.string)), implementation: none))
        registry.register(Builtin(
            "workflows", kind: .fanOut, summary: "workflows", inputTypes: ["Pipeline"],
            result: .fixed(.list(.record(workflow))), implementation: none))
        registry.register(Builtin(
            "runs", kind: .source,
            parameters: [
                Parameter("project", .string), Parameter("workflow", .string),
                Parameter("branch", .string, required: false, labelled: true),
            ],
            summary: "runs", result: .fixed(.list(.record(run))), implementation: .function { _ in .value(.null) }))
        registry.register(Builtin(
            "job_metrics", kind: .source,
            parameters: [
                Parameter("project", .string), Parameter("workflow", .string),
                Parameter("job", .string, required: false, labelled: true),
            ],
            summary: "job metrics", result: .fixed(.any), implementation: .function { _ in .value(.null) }))
        engine = CompletionEngine(
            registry: registry, bindings: engine.bindings, slugs: engine.slugs,
            projectNames: [
                "gh/acme/api": ProjectNames(
                    branches: ["main", "feature/login", "fix-flaky"], workflows: ["build-and-test", "nightly"],
                    jobs: ["build-and-test": ["build", "test", "deploy"], "nightly": ["benchmark", "build"]]),
                "gh/acme/web": ProjectNames(branches: ["trunk", "main"], workflows: ["web"], jobs: ["web": ["lint"]]),
            ])
        return engine
    }()

    static func complete(_ marked: String, with engine: CompletionEngine = engine) -> [String] {
        let cursor = marked.utf8.count - (marked.range(of: "⎀").map { marked[$0.upperBound...].utf8.count } ?? 0) - "⎀".utf8.count
        let text = marked.replacingOccurrences(of: "⎀", with: "")
        return engine.complete(text, cursor: cursor).candidates.map(\.text)
    }

    /// (text with ⎀ at the cursor, stages that must be offered, stages that must not).
    static let stageCases: [(String, [String], [String])] = [
        ("pipelines(\"gh/acme/api\") | ⎀", ["where", "jobs", "workflows", "count"], ["logs", "tests"]),
        ("pipelines(\"gh/acme/api\") | jobs | ⎀", ["where", "logs", "tests", "count"], ["jobs", "workflows"]),
        ("pipelines(\"gh/acme/api\") | jobs | where status == \"failed\" | ⎀", ["logs", "sort"], ["workflows"]),
        ("pipelines(\"gh/acme/api\") | l⎀", ["last"], ["logs"]),
        // Not a named record: nothing is left out.
        ("[1, 2, 3] | ⎀", ["logs", "jobs", "workflows", "count", "where"], []),
        ("$since | ⎀", ["logs", "jobs"], []),
        ("insights(\"gh/acme/api\") | ⎀", ["logs", "jobs"], []),
    ]

    @Test(arguments: stageCases.indices)
    func stagesFollowTheRowType(_ index: Int) {
        let (marked, offered, absent) = Self.stageCases[index]
        let texts = Self.complete(marked)
        #expect(Set(offered).isSubset(of: Set(texts)), "\(marked) → \(texts)")
        #expect(Set(absent).isDisjoint(with: Set(texts)), "\(marked) → \(texts)")
    }

    /// (text with ⎀ at the cursor, every candidate expected, in order).
    static let nameCases: [(String, [String])] = [
        ("pipelines(\"gh/acme/api\", branch: \"⎀", ["main", "feature/login", "fix-flaky"]),
        ("pipelines(\"gh/acme/api\", branch: \"f⎀", ["feature/login", "fix-flaky"]),
        ("pipelines(\"gh/acme/web\", branch: \"⎀", ["trunk", "main"]),
        ("pipelines(\"gh/acme/api\") | where vcs.branch == \"fe⎀", ["feature/login"]),
        ("pipelines(\"gh/acme/api\") | where vcs.branch in [\"main\", \"f⎀", ["feature/login", "fix-flaky"]),
        ("runs(\"gh/acme/api\", \"⎀", ["build-and-test", "nightly"]),
        ("runs(\"gh/acme/api\", \"build-and-test\", branch: \"m⎀", ["main"]),
        ("runs(\"gh/acme/api\", \"nightly\") | where branch == \"⎀", ["main", "feature/login", "fix-flaky"]),
        ("runs(\"gh/acme/api\", \"nightly\") | where workflow != \"⎀", ["build-and-test", "nightly"]),
        ("job_metrics(\"gh/acme/api\", \"nightly\", job: \"⎀", ["benchmark", "build"]),
        ("job_metrics(\"gh/acme/api\", \"b⎀", ["build-and-test"]),
        ("pipelines(\"gh/acme/api\") | jobs | where name == \"⎀", ["build", "test", "deploy", "benchmark"]),
        ("pipelines(\"gh/acme/api\") | workflows | where name == \"⎀", ["build-and-test", "nightly"]),
        // A project nothing is known of offers nothing rather than another's names.
        ("pipelines(\"gh/acme/unknown\", branch: \"⎀", []),
        // No project named: every known project's names.
        ("pipelines(branch: \"⎀", ["main", "feature/login", "fix-flaky", "trunk"]),
        // Fields that hold no names: nothing.
        ("pipelines(\"gh/acme/api\") | where id == \"⎀", []),
        ("pipelines(\"gh/acme/api\") | jobs | where status == \"fa⎀", ["failed"]),
    ]

    @Test(arguments: nameCases.indices)
    func namesCompleteInsideStrings(_ index: Int) {
        let (marked, expected) = Self.nameCases[index]
        #expect(Self.complete(marked) == expected, "\(marked)")
    }

    @Test func theDefaultProjectIsUsedWhenTheQueryNamesNone() {
        var engine = Self.engine
        engine.defaultProject = "gh/acme/web"
        #expect(Self.complete("pipelines(branch: \"⎀", with: engine) == ["trunk", "main"])
        #expect(Self.complete("pipelines() | where vcs.branch == \"t⎀", with: engine) == ["trunk"])
    }

    @Test func nameCandidatesCloseTheString() {
        let text = "runs(\"gh/acme/api\", \"nig"
        let completion = Self.engine.complete(text, cursor: text.utf8.count)
        #expect(completion.candidates.map(\.suffix) == ["\""])
        #expect(completion.range.start == text.utf8.count - 3)
    }

    @Test func projectsMentionedAreTheClosedSlugStrings() {
        let engine = Self.engine
        #expect(engine.projectsMentioned(in: "runs(\"gh/acme/api\", \"x\") | take 1; pipelines(\"gh/new/one\")")
            == ["gh/acme/api", "gh/new/one"])
        #expect(engine.projectsMentioned(in: "pipelines(\"gh/acme/ap") == [])
        #expect(engine.projectsMentioned(in: "\"not a slug\" + \"a/b\"") == [])
    }

    @Test func theStandardRulesKnowCircleCIsNameFields() {
        let rules = NameRules.standard
        #expect(rules.kind(ofField: "workflow_name", in: "Job") == .workflow)
        #expect(rules.kind(ofField: "job_name", in: "TestResult") == .job)
        #expect(rules.kind(ofField: "branch", in: "Pipeline.vcs") == .branch)
        #expect(rules.kind(ofField: "name", in: "JobMetrics") == .job)
        #expect(rules.kind(ofField: "name", in: "WorkflowMetrics") == .workflow)
        #expect(rules.kind(ofField: "name", in: "Project") == nil)
        #expect(rules.kind(ofField: "name", in: nil) == nil)
    }

    @Test func namesAreEscapedForTheString() {
        var engine = Self.engine
        engine.projectNames["gh/acme/odd"] = ProjectNames(branches: [#"say-"hi""#, #"back\slash"#])
        #expect(Self.complete(#"pipelines("gh/acme/odd", branch: "⎀"#, with: engine) == [#"say-\"hi\""#, #"back\\slash"#])
    }

    @Test func jobNamesOfEveryWorkflowComeOnceEach() {
        let names = ProjectNames(workflows: ["a", "b"], jobs: ["b": ["x", "y"], "a": ["y", "z"], "c": ["w"]])
        #expect(names.names(.job) == ["y", "z", "x", "w"])
        #expect(names.names(.job, workflow: "b") == ["x", "y"])
    }
}
