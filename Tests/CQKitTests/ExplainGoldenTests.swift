import CQ
import CQKit
import Testing

/// `cq explain` output, compared with `Tests/Golden/Explain/<name>.txt`.
/// `RECORD_SNAPSHOTS=1` rewrites them.
@Suite struct ExplainGoldenTests {
    static let cases: [(name: String, query: String)] = [
        ("fan-out", #"pipelines("gh/acme/api") | take 50 | jobs | count"#),
        ("mission", #"pipelines("gh/org/repo") | where state == "failed" | jobs"#),
        (
            "branch-pushed-down",
            #"pipelines("gh/acme/api") | where vcs.branch == "main" and created_at > ago(7d) | count"#
        ),
        ("mine-not-pushed-down", #"pipelines("gh/acme/api", mine: true) | where vcs.branch == "main" | map number"#),
        (
            "paging-stop-from-a-variable",
            "let since = now() - 1w\npipelines(\"gh/acme/api\") | where created_at >= $since | count"
        ),
        (
            "insights-dates",
            #"runs("gh/acme/api", "build-and-test") | where created_at > ago(14d) and branch == "main" | count"#
        ),
        ("shown-with-state", #"pipelines("gh/acme/api") | take 3"#),
        ("job-details-and-tests", #"job("gh/acme/api", 42) | tests | where result == "failure""#),
        (
            "logs",
            #"pipelines("gh/acme/api") | jobs | where status == "failed" | take 1 | logs(failed: true) | map output"#
        ),
        ("first-after-sort", #"pipelines("gh/acme/api") | where state == "failed" | sort by number | first"#),
        ("local-only", "[3, 1, 2] | sort | map it * 2"),
        ("write", #"pipelines("gh/acme/api") | take 10 | workflows(latest: true) | where status == "failed" | rerun"#),
    ]

    static let golden = GoldenFile(folder: "Explain")

    @Test(arguments: cases.map(\.name))
    func explain(_ name: String) async throws {
        let query = try #require(Self.cases.first { $0.name == name }?.query)
        let harness = Harness(allowWrites: true)
        var bindings = Checker.Bindings()
        let compiled = try harness.engine.compile(SourceFile(name: "query", text: query), bindings: &bindings)
        let text = await harness.engine.explain(compiled)
        #expect(harness.metrics.snapshot.requests == 0, "explaining made a request")
        try Self.golden.compare(text, with: name)
    }
}
