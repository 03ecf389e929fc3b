import Foundation
import Testing

@testable import CQ

/// Rendered diagnostics compared with golden files in
/// `Tests/CQTests/Corpus/SyntaxDiagnostics/<name>.txt`.
/// Run with `RECORD_SNAPSHOTS=1` to rewrite them.
@Suite struct DiagnosticGoldenTests {
    static let cases: [(String, String)] = [
        ("expected-expression", #"pipelines("gh/acme/api") | where"#),
        ("sort-without-by", "jobs | sort duration desc"),
        ("unclosed-parenthesis", "pipelines(\"gh/acme/api\"\n  | where state == \"failed\""),
        ("chained-comparison", "jobs | where 1m < duration < 10m"),
        ("assignment-in-where", #"jobs | where status = "failed""#),
        ("foreign-operators", "jobs | where failed && !cancelled || retried"),
        ("unknown-duration-unit", "pipelines(\"gh/acme/api\") | where created_at > ago(7days)"),
        ("unterminated-string", "pipelines(\"gh/acme/api"),
        ("tabs-and-unicode", "jobs |\twhere naïve == \"café\" @ 1"),
        ("several-lines", (1...11).map { $0 == 11 ? "x | select a b" : "# line \($0)" }.joined(separator: "\n")),
        ("stage-outside-pipeline", "where status == \"failed\""),
        ("warning", "jobs | map it?.name"),
    ]

    static let goldenDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/SyntaxDiagnostics")

    @Test(arguments: cases.map(\.0))
    func plain(_ name: String) throws {
        try check(name, colored: false)
    }

    @Test func colored() throws {
        try check("expected-expression", colored: true)
    }

    private func check(_ name: String, colored: Bool) throws {
        let text = try #require(Self.cases.first { $0.0 == name }?.1)
        let source = SourceFile(name: "query.cq", text: text)
        let rendered = DiagnosticRenderer(colored: colored).render(Parser.parse(source).diagnostics, in: source)
        let file = Self.goldenDirectory.appendingPathComponent(name + (colored ? ".ansi" : "") + ".txt")
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !recording, let golden = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try rendered.write(to: file, atomically: true, encoding: .utf8)
            if !recording { Issue.record("golden file \(file.lastPathComponent) was missing; recorded it") }
            return
        }
        #expect(rendered == golden, "\n\(rendered)")
    }
}
