import Testing

@testable import CQ

/// The checker's side of habits, on a made-up record type so that nothing here
/// depends on CircleCI's schemas: nested fields found by name, bare words read
/// as quoted values only when they name nothing, aggregation caveats only where
/// the rows' origin is seen.
@Suite struct HabitCheckTests {
    static let build = RecordSchema(
        name: "Build",
        fields: [
            .init("id", .string),
            .init("status", .enumeration(["failed", "success", "running"])),
            .init("kind", .enumeration(["build", "approval"])),
            .init("ok", .bool),
            .init(
                "took", .optional(.duration),
                aggregationCaveat: .init(
                    discriminator: "kind", filter: #"kind == "build""#, rows: "approval builds",
                    reason: "an approval's `took` is waiting time")),
            .init(
                "git",
                .record(
                    RecordSchema(
                        name: "Build.git",
                        fields: [
                            .init("branch", .optional(.string)),
                            .init(
                                "commit",
                                .record(RecordSchema(name: "Build.git.commit", fields: [.init("subject", .string)]))),
                        ]))),
        ])

    static let registry: BuiltinRegistry = {
        var registry = BuiltinRegistry.standard
        registry.register(schema: build)
        registry.register(
            Builtin(
                "builds", kind: .source, summary: "Some builds.", examples: ["builds()"],
                result: .fixed(.list(.record(build))), implementation: .function { _ in .value(.list([])) }))
        return registry
    }()

    private func check(_ text: String) -> [Diagnostic] {
        let parsed = Parser.parse(SourceFile(name: "test", text: text))
        var bindings = Checker.Bindings()
        return parsed.diagnostics + Checker(registry: Self.registry).check(parsed.program, bindings: &bindings)
    }

    @Test(arguments: [
        (#"builds() | where branch == "main""#, "git.branch"),
        ("builds() | map subject", "git.commit.subject"),
        ("builds() | map git.subject", "commit.subject"),
        (#"builds() | where brnch == "main""#, "git.branch"),
        ("builds() | where status == failed", #""failed""#),
        ("builds() | where failed != status", #""failed""#),
        ("builds() | where status == fail", #""failed""#),
        ("builds() | where status in [running, failed]", #""running""#),
        ("builds() | where git.branch == main", #""main""#),
        ("builds() | map $it.id", "it"),
        ("builds() | where git.branch == NULL", "null"),
        ("builds() | where ok == True", "true"),
        ("builds() | length", "count"),
    ])
    func reportedWithAFixIt(_ text: String, _ replacement: String) throws {
        let diagnostics = check(text)
        let first = try #require(diagnostics.first, "\(text) is reported")
        #expect(first.fixIt?.replacement == replacement, "\(text): \(diagnostics.map(\.message))")
    }

    @Test(arguments: [
        #"let failed = "failed"; builds() | where status == failed"#,
        "builds() | where status == ok",
        "def running = 1; builds() | map running",
        #"builds() | where kind == "build" | group by status with t: avg(took)"#,
        "builds() | group by kind with t: avg(took)",
        "builds() | group by status with n: count()",
        "let xs = builds(); xs | group by status with t: avg(took)",
        #"def real = where kind == "build"; builds() | real | group by status with t: avg(took)"#,
        "builds() | where it.kind != \"approval\" | avg(took)",
    ])
    func notReported(_ text: String) {
        #expect(check(text).isEmpty, "\(text): \(check(text).map(\.message))")
    }

    @Test(arguments: [
        "builds() | group by status with t: avg(took)",
        "builds() | where status == \"failed\" | group by status with p95: percentile(took, 95)",
        "builds() | sum(took)",
    ])
    func aggregatingACaveatedFieldWarns(_ text: String) throws {
        let diagnostics = check(text)
        #expect(diagnostics.count == 1 && diagnostics.allSatisfy { $0.severity == .warning }, "\(diagnostics)")
        let warning = try #require(diagnostics.first)
        #expect(warning.id == "aggregate-mixed-rows")
        #expect(warning.message == "`took` is aggregated over all Build rows, approval builds included")
        #expect(warning.fixIt?.replacement == #"where kind == "build" | "#)
    }

    /// A nested field suggested for a bare name lists the other fields of the same name.
    @Test func severalNestedFieldsOfOneNameAreAllNamed() throws {
        var registry = Self.registry
        let twice = RecordSchema(
            name: "Twice",
            fields: [
                .init("a", .record(RecordSchema(name: "Twice.a", fields: [.init("x", .int)]))),
                .init(
                    "b",
                    .record(
                        RecordSchema(
                            name: "Twice.b",
                            fields: [.init("c", .record(RecordSchema(name: "Twice.b.c", fields: [.init("x", .int)])))]))
                ),
            ])
        registry.register(
            Builtin(
                "twice", kind: .source, summary: "Twice.", result: .fixed(.list(.record(twice))),
                implementation: .function { _ in .value(.list([])) }))
        let parsed = Parser.parse(SourceFile(name: "test", text: "twice() | map x"))
        var bindings = Checker.Bindings()
        let diagnostic = try #require(Checker(registry: registry).check(parsed.program, bindings: &bindings).first)
        #expect(diagnostic.fixIt?.replacement == "a.x", "the shallowest")
        #expect(diagnostic.notes.map(\.message).contains("also: `b.c.x`"))
    }
}
