import CQ
import CQKit
import Foundation
import Testing

/// Habits from jq, nushell, KQL and SQL: each is reported before any request
/// with a fix-it, rendered as a user sees it (`Tests/Golden/Habits/<name>.txt`;
/// `RECORD_SNAPSHOTS=1` rewrites them), and applying the fix-its gives a query
/// that checks cleanly.
@Suite struct HabitGoldenTests {
    static let slug = #"pipelines("gh/acme/api")"#

    static let cases: [(name: String, query: String)] = [
        ("limit", "\(slug) | limit 5"),
        ("head", "\(slug) | head 5"),
        ("top", "\(slug) | top 5"),
        ("top-by", "\(slug) | take 5 | jobs | top 3 by duration"),
        ("head-and-length-bare", "\(slug) | head | jobs | length"),
        ("order-by", "\(slug) | order by created_at DESC | take 3"),
        ("sort-by-nushell", "\(slug) | sort-by number | take 3"),
        ("summarize-kql", "\(slug) | take 20 | summarize runs = count() by vcs.branch"),
        ("ago-7-days", "\(slug) | where created_at > ago(7 days)"),
        ("days-ago", "\(slug) | where created_at > 7 days ago | count"),
        (
            "spaced-durations",
            "\(slug) | take 5 | jobs | where duration > 30 minutes or duration < 2 hours or started_at > now() - 7 day"
        ),
        ("nested-field", #"\#(slug) | where branch == "main""#),
        ("nested-fields-in-select", "\(slug) | take 3 | select number, login, subject, tag"),
        ("nested-field-of-a-member", "\(slug) | take 3 | map vcs.subject"),
        ("unquoted-enum-value", "\(slug) | take 5 | jobs | where status == failed"),
        ("unquoted-enum-value-close", "\(slug) | take 5 | where state != fail"),
        ("unquoted-enum-values-in-list", "\(slug) | take 5 | jobs | where status in [failed, canceled]"),
        ("unquoted-string", "\(slug) | take 5 | where vcs.branch == main"),
        ("jq-paths", #"\#(slug) | where .vcs.branch == "main" | .number"#),
        ("jq-iteration", "\(slug) | take 3 | .errors[]"),
        ("jq-select", #"\#(slug) | take 5 | select(.state == "failed")"#),
        ("jq-sort-by", "\(slug) | take 5 | sort_by(.created_at)"),
        ("equals-in-map-and-if", #"\#(slug) | take 5 | map if state = "failed" then 1 else 0"#),
        (
            "equals-in-an-aggregate",
            #"\#(slug) | take 20 | jobs | group by name with failures: count(status = "failed")"#
        ),
        ("equals-after-a-label", #"pipelines("gh/acme/api", branch = "main") | take 3"#),
        ("c-logic", #"\#(slug) | take 5 | where state == "failed" && !(number > 3) || number == 1"#),
        ("sql-operators", "\(slug) | take 5 | where vcs.tag is not null AND number <> 3 OR vcs.tag IS NULL"),
        ("select-star", "\(slug) | take 3 | select *"),
        ("count-star", "\(slug) | take 20 | group by vcs.branch with n: count(*)"),
        ("dollar-it", "\(slug) | take 3 | map $it.number"),
        ("upper-case-null", "\(slug) | take 3 | where vcs.tag == NULL"),
        ("approval-durations", "\(slug) | take 30 | jobs | group by name with p95: percentile(duration, 95)"),
        ("approval-durations-as-a-stage", "\(slug) | take 10 | jobs | avg(duration)"),
        (
            "several-habits-in-one-run",
            "\(slug)\n  | where branch == \"main\" and created_at > ago(7 days)\n  | jobs\n  | where status == failed\n  | limit 5"
        ),
    ]

    static let golden = GoldenFile(folder: "Habits")

    /// The problems found compiling `query`, rendered, and the diagnostics.
    static func check(_ query: String, harness: Harness) -> (rendered: String, diagnostics: [Diagnostic]) {
        let source = SourceFile(name: "query.cq", text: query)
        var bindings = Checker.Bindings()
        do {
            let compiled = try harness.engine.compile(source, bindings: &bindings)
            return (DiagnosticRenderer().render(compiled.warnings, in: source), compiled.warnings)
        } catch {
            return (error.rendered(), error.diagnostics)
        }
    }

    @Test(arguments: cases.map(\.name))
    func golden(_ name: String) throws {
        let query = try #require(Self.cases.first { $0.name == name }?.query)
        let harness = Harness()
        let (rendered, diagnostics) = Self.check(query, harness: harness)
        #expect(!diagnostics.isEmpty, "\(name) is reported")
        #expect(harness.metrics.snapshot.requests == 0, "reported before any request")
        try Self.golden.compare(rendered, with: name)
    }

    /// Every habit comes with a concrete replacement, and making all the
    /// replacements gives a query without a problem.
    @Test(arguments: cases.map(\.name))
    func fixItsGiveACleanQuery(_ name: String) throws {
        let query = try #require(Self.cases.first { $0.name == name }?.query)
        let harness = Harness()
        let diagnostics = Self.check(query, harness: harness).diagnostics
        #expect(diagnostics.allSatisfy { $0.fixIt != nil }, "\(diagnostics.filter { $0.fixIt == nil }.map(\.message))")
        let fixed = Self.applying(diagnostics.compactMap(\.fixIt), to: query)
        let after = Self.check(fixed, harness: harness)
        #expect(after.diagnostics.isEmpty, "\(fixed)\n\(after.rendered)")
    }

    /// `text` with `fixIts` applied, last first; a fix-it overlapping one
    /// already applied is skipped.
    static func applying(_ fixIts: [Diagnostic.FixIt], to text: String) -> String {
        var bytes = Array(text.utf8)
        var appliedStart = Int.max
        for fixIt in fixIts.sorted(by: { $0.range.start > $1.range.start }) where fixIt.range.end <= appliedStart {
            bytes.replaceSubrange(fixIt.range.start..<fixIt.range.end, with: Array(fixIt.replacement.utf8))
            appliedStart = fixIt.range.start
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
