import CQ
import CQKit
import CircleCISimulator
import Foundation
import Testing

/// Check and runtime errors of CircleCI queries, rendered as a user sees
/// them, compared with `Tests/Golden/CQKitTests/<name>.txt`. `RECORD_SNAPSHOTS=1` rewrites them.
@Suite(.timeLimit(.minutes(3))) struct DiagnosticGoldenTests {
    static let cases: [(name: String, query: String)] = [
        ("unknown-function", #"pipelinez("gh/acme/api") | take 3"#),
        ("unknown-stage", #"pipelines("gh/acme/api") | jbos"#),
        ("unknown-field", #"pipelines("gh/acme/api") | jobs | where stauts == "failed""#),
        ("unknown-nested-field", #"pipelines("gh/acme/api") | group by vcs.brnch"#),
        ("unknown-field-without-suggestion", #"pipelines("gh/acme/api") | where xyzzy"#),
        ("stage-called-on-a-row", #"pipelines("gh/acme/api") | take 3 | select number, failed: (jobs | count)"#),
        ("stage-as-a-value", "jobs"),
        ("enum-value", #"pipelines("gh/acme/api") | jobs | where status == "fail""#),
        ("enum-value-of-state", #"pipelines("gh/acme/api") | where state == "Failed""#),
        ("enum-argument", #"insights("gh/acme/api", window: "last-7-day")"#),
        ("too-many-arguments", #"pipelines("gh/acme/api", 3)"#),
        ("unknown-argument-label", #"pipelines("gh/acme/api", brnch: "main")"#),
        ("wrong-argument-type", "pipelines(42)"),
        ("stage-input-type", #"pipelines("gh/acme/api") | tests"#),
        ("writes-refused", "pipelines(\"gh/acme/api\")\n  | workflows(latest: true)\n  | where status == \"failed\"\n  | rerun"),
        ("type-error-in-where", #"pipelines("gh/acme/api") | where created_at > 5"#),
        ("several-errors", "let slug = \"gh/acme/api\"\npipelines(slug)\n  | where stauts == \"failed\"\n  | jbos\n  | select name, duraton"),
        ("runtime-not-found", "let slug = \"gh/acme/nope\"\n\npipelines(slug)\n  | where state == \"failed\"\n  | jobs"),
        ("runtime-pipeline-not-found", #"pipeline("gh/acme/api", 99999) | jobs"#),
        ("runtime-type-error-in-where", #"api("/me") | where it.login > 5"#),
        ("runtime-bad-argument", #"pipelines("gh/acme/api") | take 5 | map percentile([duration(1)], 150)"#),
        ("runtime-authentication", #"me()"#),
    ]

    static let golden = GoldenFile(folder: "CQKitTests")

    @Test(arguments: cases.map(\.name))
    func golden(_ name: String) async throws {
        let query = try #require(Self.cases.first { $0.name == name }?.query)
        let harness = name == "runtime-authentication" ? Harness(token: "CCIPAT_revoked") : Harness()
        let source = SourceFile(name: "query.cq", text: query)
        let rendered: String
        do {
            var bindings = Checker.Bindings()
            let compiled = try harness.engine.compile(source, bindings: &bindings)
            var environment = Environment()
            let value = try await harness.engine.run(compiled, in: &environment)?.collect()
            Issue.record("\(name) ran without error: \(value ?? .null)")
            return
        } catch let error as CompileError {
            #expect(!name.hasPrefix("runtime-"), "\(name) failed to compile:\n\(error)")
            #expect(harness.metrics.snapshot.requests == 0, "checking made a request")
            rendered = error.rendered()
        } catch let error as RuntimeError {
            #expect(name.hasPrefix("runtime-"), "\(name) failed at run time:\n\(error.diagnostic.message)")
            rendered = DiagnosticRenderer(colored: false).render([error.diagnostic], in: source)
        }
        try Self.golden.compare(rendered, with: name)
    }
}
