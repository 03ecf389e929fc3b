import Foundation
import Testing

/// A query that fails halfway: the rows NDJSON already wrote stay written and
/// the error counts them; JSON and tables are complete or absent, and say so.
@Suite(.timeLimit(.minutes(2))) struct PartialOutputTests {
    /// Pipelines from newest to oldest, failing (a 404) from pipeline 1229 on.
    static let failingHalfway = #"pipelines("gh/acme/api") | take 30 | map (if number < 1230 then api("/nope") else number)"#

    @Test(arguments: ["ndjson", "raw"])
    func streamedRowsStayWrittenAndAreCounted(_ format: String) async throws {
        let result = try await CQ.run(["--demo", "--format", format, "-e", Self.failingHalfway])
        #expect(result.status == 70, "\(result)")
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.count == 16 && rows.first == "1245" && rows.last == "1230", "\(result.stdout)")
        #expect(result.stderr.contains("note: 16 rows were written before the error"), "\(result.stderr)")
    }

    @Test(arguments: [
        ("json", "no JSON was written: it would have been incomplete"),
        ("table", "nothing was written: table output needs every row"),
        ("csv", "nothing was written: csv output needs every row"),
    ])
    func documentsAreCompleteOrAbsent(_ format: String, _ note: String) async throws {
        let result = try await CQ.run(["--demo", "--format", format, "-e", Self.failingHalfway])
        #expect(result.status == 70, "\(result)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains(note), "\(result.stderr)")
    }
}
