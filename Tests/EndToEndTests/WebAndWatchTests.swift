import Foundation
import Testing

/// `cq --web` with a fake browser (through `BROWSER` and through a `PATH`
/// holding a fake `xdg-open`), and `cq watch` into a pipe.
@Suite struct WebAndWatchTests {
    private static let twoPipelines = #"pipelines("gh/acme/api") | take 2"#

    @Test func webOpensEachRowsPageWithBrowser() async throws {
        let scratch = try ScratchDirectory()
        let opened = scratch.url.appendingPathComponent("opened").path
        let browser = try scratch.write("browser", "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '\(opened)'\n", executable: true)
        let result = try await CQ.run(["--demo", "--web", "-e", Self.twoPipelines], environment: ["BROWSER": browser])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "pages are opened, not printed")
        let pages = try scratch.read("opened").split(separator: "\n").map(String.init)
        #expect(pages == [
            "https://app.circleci.com/pipelines/github/acme/api/1245",
            "https://app.circleci.com/pipelines/github/acme/api/1244",
        ])
        #expect(result.stderr == pages.map { "Opening \($0) in your browser.\n" }.joined())
    }

    @Test func withoutBrowserXdgOpenOnThePathIsUsed() async throws {
        let scratch = try ScratchDirectory()
        let opened = scratch.url.appendingPathComponent("opened").path
        _ = try scratch.write("xdg-open", "#!/bin/sh\necho \"xdg-open $*\" >> '\(opened)'\n", executable: true)
        let result = try await CQ.run(
            ["--demo", "--web", "-e", #"pipeline("gh/acme/api", 1245)"#],
            environment: ["PATH": scratch.url.path + ":/usr/bin:/bin"])
        #expect(result.status == 0, "\(result)")
        #expect(try scratch.read("opened") == "xdg-open https://app.circleci.com/pipelines/github/acme/api/1245\n")
    }

    @Test(arguments: [
        (#"pipelines("gh/acme/api") | take 11"#, Int32(64), "more than 10"),
        ("[1, 2]", Int32(65), "no `url` to open"),
        (#"["javascript:alert(1)", "file:///etc/passwd"]"#, Int32(65), "no `url` to open"),
        (#"pipelines("gh/acme/api") | take 1 | nope"#, Int32(65), "error:"),
    ])
    func webRefusesWhatItCannotOpen(query: String, status: Int32, message: String) async throws {
        let scratch = try ScratchDirectory()
        let browser = try scratch.write("browser", "#!/bin/sh\necho \"$@\" >> opened\n", executable: true)
        let result = try await CQ.run(["--demo", "--web", "-e", query], environment: ["BROWSER": browser], directory: scratch.url)
        #expect(result.status == status, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect((try? scratch.read("opened")) == nil)
    }

    @Test func webWithoutAnOpenerSaysHowToChooseOne() async throws {
        let result = try await CQ.run(["--demo", "--web", "-e", Self.twoPipelines], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 69)
        #expect(result.stderr == "cq: cannot open a browser: `xdg-open` was not found; set BROWSER to the program to use\n")
    }

    @Test func watchStopsWithZeroOnceTheConditionHolds() async throws {
        let result = try await CQ.run(["watch", "--demo", "0.1", #"pipelines("gh/acme/api") | take 3 | count until it == 3"#])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "3\n")
        #expect(result.stderr.hasPrefix(#"every 0.1s: pipelines("gh/acme/api") | take 3 | count until it == 3 (Ctrl-C to stop)"#))
        #expect(result.stderr.hasSuffix("Stopped: it == 3 holds.\n"))
        // A record's fields by name; pipeline 1243 of the pinned demo failed.
        let option = try await CQ.run(["watch", "--demo", "0.1", #"pipeline("gh/acme/api", 1243)"#, "--until", #"state == "failed""#])
        #expect(option.status == 0, "\(option)")
    }

    /// Into a pipe each refresh is appended (NDJSON stays NDJSON; headers go
    /// to standard error), and Ctrl-C (SIGINT) ends with 130.
    @Test func watchAppendsIntoAPipeUntilInterrupted() async throws {
        let watch = try CQ.start([
            "watch", "--demo", "0.1", Self.twoPipelines + " | select number, state", "--format", "ndjson",
            "--until", #"all(it, p => p.state != "running")"#,
        ])
        // A second refresh appended after the first: 1245 after another row.
        #expect(await watch.waitForOutput(containing: "}\n" + #"{"number":1245"#, timeout: .seconds(90)))
        watch.interrupt()
        let result = await watch.result(timeout: .seconds(30))
        #expect(result.status == 130, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count >= 4 && lines.allSatisfy { $0.hasPrefix("{\"number\":") }, "\(result.stdout)")
        #expect(!result.stdout.contains("every"))
        #expect(result.stderr.contains("every 0.1s: "))
    }

    @Test func watchRejectsABadInterval() async throws {
        let result = try await CQ.run(["watch", "--demo", "0", "1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("SECONDS must be between 0.1 and 86400"))
    }
}
