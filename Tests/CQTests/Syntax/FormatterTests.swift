import Testing

@testable import CQ

private func format(_ text: String, width: Int = 80) throws(FormatError) -> String {
    try Formatter.format(SourceFile(name: "test.cq", text: text), options: FormatOptions(lineWidth: width))
}

@Suite struct FormatterTests {
    @Test func shortPipelinesStayOnOneLine() throws {
        #expect(try format("pipelines(  \"x\" )|where a==1|count") == "pipelines(\"x\") | where a == 1 | count\n")
    }

    @Test func longPipelinesBreakOneStagePerLine() throws {
        let text = #"pipelines("gh/acme/api", branch: "main") | where created_at > ago(7d) | jobs | where status == "failed" | take 10"#
        #expect(try format(text) == """
            pipelines("gh/acme/api", branch: "main")
              | where created_at > ago(7d)
              | jobs
              | where status == "failed"
              | take 10

            """)
    }

    @Test func letAndDefBreakAfterTheirHead() throws {
        #expect(try format("let x = aaaa | bbbb | cccc", width: 10) == "let x = aaaa\n  | bbbb\n  | cccc\n")
        #expect(try format("def f = where a | select b", width: 10) == "def f = where a\n  | select b\n")
    }

    @Test func commentsSurviveInEveryPosition() throws {
        let text = """
            #!/usr/bin/env cq
            # leading of the first statement
            let slug = "gh/acme/api"   # trailing of a statement

            # leading of the pipeline
            pipelines(slug)   # trailing of the source
              # leading of a stage
              | where state == "failed"   # trailing of a stage
              | jobs
            let config = {   # inside an expression: moved above
              a: 1,
            }
            # at the end
            """
        #expect(try format(text) == """
            #!/usr/bin/env cq
            # leading of the first statement
            let slug = "gh/acme/api"  # trailing of a statement

            # leading of the pipeline
            pipelines(slug)  # trailing of the source
              # leading of a stage
              | where state == "failed"  # trailing of a stage
              | jobs
            # inside an expression: moved above
            let config = {a: 1}
            # at the end

            """)
    }

    @Test func commentsInsideDefStageChains() throws {
        let text = "def failing = where status == \"failed\"  # failed\n  | select name  # names\n"
        #expect(try format(text) == "def failing = where status == \"failed\"  # failed\n  | select name  # names\n")
    }

    @Test func commentOnlyFilesAndBlankLines() throws {
        #expect(try format("# just a comment\n") == "# just a comment\n")
        #expect(try format("a\n\n\n\nb\n") == "a\n\nb\n")
        #expect(try format("\n\n") == "")
        #expect(try format("a; b # c") == "a\nb  # c\n")
    }

    @Test func commentsInInterpolationsAreKept() throws {
        let text = "\"x\\(a # note\n)\"\n"
        let formatted = try format(text)
        #expect(formatted.contains("# note"))
        #expect(parse(formatted).diagnostics.isEmpty)
    }

    @Test func refusesToFormatErrors() {
        #expect(throws: FormatError.self) { try format("x | where") }
        do {
            _ = try format("x | where")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["expected an expression after `where`"])
        }
    }

    @Test func warningsDoNotBlockFormatting() throws {
        #expect(try format("a?.b") == "a.b\n")
    }
}
