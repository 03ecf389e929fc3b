import Foundation
import Testing

/// `cq help WORD` for the words of the language, habits from other languages
/// reported by the built binary, and the approval-duration warning.
@Suite(.timeLimit(.minutes(3))) struct HelpTests {
    /// Each word and the first line its help starts with.
    static let words: [(word: [String], firstLine: String)] = [
        (["where"], "where CONDITION"),
        (["take"], "take N"),
        (["group"], "group by KEY, … [with NAME: AGGREGATE(…), …]"),
        (["group", "by"], "group by KEY, … [with NAME: AGGREGATE(…), …]"),
        (["sort", "by"], "sort by KEY [asc | desc], …"),
        (["=~"], "TEXT =~ PATTERN   TEXT !~ PATTERN"),
        (["??"], "A ?? B"),
        (["each"], "map EXPRESSION   (also: each EXPRESSION)"),
        (["durations"], "30s   5m   2h   7d   1w   1h30m   250ms"),
        (["limit"], "take N"),
        (["percentile"], "percentile([values], p)"),
    ]

    @Test(arguments: words.indices)
    func helpForAWord(_ index: Int) async throws {
        let (word, firstLine) = Self.words[index]
        let result = try await CQ.run(["help"] + word)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix(firstLine + "\n"), "cq help \(word.joined(separator: " ")):\n\(result.stdout)")
        #expect(result.stdout.contains("\n  Examples:\n"))
    }

    @Test func overviewHasTheLanguageInASectionOfItsOwn() async throws {
        let result = try await CQ.run(["help"])
        #expect(result.status == 0)
        for section in [
            "Keyword stages (after |):", "Operators:", "Values and expressions:", "Statements:", "Sources:",
        ] {
            #expect(result.stdout.contains("\n\(section)\n"), "\(section)")
        }
        #expect(result.stdout.contains("\n  where CONDITION "))
    }

    @Test func anUnknownWordSuggestsTheClosest() async throws {
        let result = try await CQ.run(["help", "whre"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean `where`?"), "\(result.stderr)")
    }

    @Test func percentileHelpSaysToLeaveApprovalJobsOut() async throws {
        let result = try await CQ.run(["help", "percentile"])
        #expect(result.stdout.contains(#"where type == "build""#))
    }

    @Test func habitsAreReportedWithTheirReplacementBeforeAnyRequest() async throws {
        let query = #"pipelines("gh/acme/api") | where branch == "main" and created_at > ago(7 days) | limit 5"#
        let result = try await CQ.run(["--demo", "--stats", "-e", query])
        #expect(result.status == 65, "\(result)")
        for help in ["help: replace with `vcs.branch`", "help: replace with `7d`", "help: replace with `take 5`"] {
            #expect(result.stderr.contains(help), "\(help):\n\(result.stderr)")
        }
        #expect(!result.stderr.contains("request"), "nothing ran: \(result.stderr)")
    }

    @Test func aggregatingJobDurationsWithApprovalsWarnsAndStillRuns() async throws {
        let query = #"pipelines("gh/acme/api") | take 5 | jobs | group by name with p95: percentile(duration, 95)"#
        let result = try await CQ.run(["--demo", "-e", query])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("warning: `duration` is aggregated over all Job rows, approval jobs included"))
        #expect(result.stderr.contains(#"help: insert `where type == "build" |`"#))
        #expect(result.stdout.contains("p95"))

        let filtered = try await CQ.run([
            "--demo", "-e", query.replacingOccurrences(of: "| group", with: #"| where type == "build" | group"#),
        ])
        #expect(filtered.status == 0)
        #expect(filtered.stderr.isEmpty, "\(filtered.stderr)")
    }

    @Test func checkPrintsWarningsAndStillSaysOK() async throws {
        let scratch = try ScratchDirectory()
        let script = try scratch.write("p95.cq", #"pipelines("gh/acme/api") | take 3 | jobs | avg(duration)"# + "\n")
        let result = try await CQ.run(["check", script])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "\(script): ok\n")
        #expect(result.stderr.contains("warning: `duration` is aggregated over all Job rows"), "\(result.stderr)")
    }
}
