import CircleCISimulator
import Foundation
import Testing

/// Scripts, arguments, shebangs, standard input, `check`, `fmt` and `help`.
@Suite(.timeLimit(.minutes(3))) struct ScriptTests {
    static let script = """
        #!/usr/bin/env cq
        # Pipelines of a project, newest first.
        let project = $args[0] ?? "gh/org/repo"
        let n = int($args[1] ?? "2")

        pipelines(project) | take n | select number, state
        """

    /// What `cq --demo -e query` prints: the answer a script asking the same must give.
    static func demoAnswer(_ query: String) async throws -> String {
        let result = try await CQ.run(["--demo", "-e", query])
        #expect(result.status == 0, "\(result)")
        return result.stdout
    }

    @Test func scriptWithPositionalArguments() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("recent.cq", Self.script)
        let result = try await CQ.run(["--demo", path, "gh/acme/api", "3"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("number  state\n"))
        #expect(result.stdout.hasSuffix("(3 rows)\n"))
        #expect(result.stdout == (try await Self.demoAnswer(#"pipelines("gh/acme/api") | take 3 | select number, state"#)))
        let defaults = try await CQ.run(["--demo", path])
        #expect(defaults.stdout.hasSuffix("(2 rows)\n"))
        #expect(defaults.stdout == (try await Self.demoAnswer(#"pipelines("gh/org/repo") | take 2 | select number, state"#)))
        #expect(defaults.stdout != result.stdout)
    }

    @Test func argsIsTheListOfPositionalStrings() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("args.cq", "$args")
        let result = try await CQ.run(["--format", "json", path, "a", "b c", "3"])
        #expect(result.stdout == "[\n  \"a\",\n  \"b c\",\n  \"3\"\n]\n", "\(result)")
    }

    @Test func argOptionDefinesVariables() async throws {
        let result = try await CQ.run([
            "--demo", "--arg", "slug=gh/org/repo", "--arg", "limit=2", "--arg", "verbose=true", "--format", "ndjson",
            "-e", "[$slug, $limit + 1, $verbose]",
        ])
        #expect(result.stdout == "\"gh/org/repo\"\n3\ntrue\n", "\(result)")
        let bad = try await CQ.run(["--arg", "novalue", "-e", "1"])
        #expect(bad.status == 64, "\(bad)")
    }

    @Test func shebangRunsTheFileDirectly() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("recent.cq", Self.script, executable: true)
        let binaryDirectory = try CQ.binary().deletingLastPathComponent().path
        let searchPath = binaryDirectory + ":" + (CQ.baseEnvironment["PATH"] ?? "/usr/bin:/bin")
        // The newest pipeline of gh/org/repo, as the demo (the same organisation) shows it.
        let newest = try await Self.demoAnswer(#"pipelines("gh/org/repo") | take 1 | select number, state"#)
        #expect(newest.hasPrefix("number  state\n") && newest.hasSuffix("(1 row)\n"), "\(newest)")
        let simulator = Simulator(now: try #require(ISO8601DateFormatter().date(from: pinnedNow)))
        let host = try await simulator.startServer(port: 0)
        let result = try await CQ.run(
            URL(fileURLWithPath: path), ["gh/org/repo", "1"],
            environment: ["PATH": searchPath, "CIRCLECI_HOST": host.absoluteString, "CIRCLECI_TOKEN": Simulator.demoToken])
        await simulator.stopServer()
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == newest)
        let withoutToken = try await CQ.run(URL(fileURLWithPath: path), [], environment: ["PATH": searchPath])
        #expect(withoutToken.status == 77, "\(withoutToken)")
        #expect(withoutToken.stderr.contains("no token is set"))

        let demo = try scratch.write(
            "demo.cq", "#!/usr/bin/env -S cq --demo\n" + Self.script.dropFirst("#!/usr/bin/env cq\n".count), executable: true)
        let ran = try await CQ.run(
            URL(fileURLWithPath: demo), ["gh/org/repo", "1"],
            environment: ["PATH": searchPath])
        #expect(ran.status == 0, "\(ran)")
        #expect(ran.stdout == newest)
    }

    @Test func programOnStandardInput() async throws {
        let query = #"pipelines("gh/org/repo") | where state == "failed" | count"#
        let result = try await CQ.run(["--demo"], stdin: query)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == (try await Self.demoAnswer(query)))
        #expect((Int(result.stdout.dropLast()) ?? 0) > 0, "gh/org/repo has failed pipelines: \(result.stdout)")
        let dash = try await CQ.run(["--demo", "--format", "ndjson", "-", "x"], stdin: "$args")
        #expect(dash.stdout == "\"x\"\n", "\(dash)")
        let error = try await CQ.run(["--demo"], stdin: "pipelines(\"gh/org/repo\")\n  | where stauts == 1\n")
        #expect(error.status == 65)
        #expect(error.stderr.hasPrefix("<stdin>:2:11: error:"), "\(error)")
    }

    @Test func checkMakesNoRequestsAndReportsEveryFile() async throws {
        let scratch = try ScratchDirectory()
        let good = try scratch.write("good.cq", Self.script)
        let bad = try scratch.write("bad.cq", "pipelines($args[0])\n  | jobs\n  | where stauts == \"failed\"\n")
        let broken = try scratch.write("broken.cq", "pipelines(\"gh/org/repo\" | take 3\n")
        let ok = try await CQ.run(["check", good])
        #expect(ok.status == 0, "\(ok)")
        #expect(ok.stdout == "\(good): ok\n")

        let failed = try await CQ.run(["check", good, bad, broken])
        #expect(failed.status == 65, "\(failed)")
        #expect(failed.stdout == "\(good): ok\n")
        #expect(failed.stderr.contains("\(bad):3:11: error: Job records have no field `stauts`"))
        #expect(failed.stderr.contains("\(broken):1:"))

        let writes = try scratch.write("writes.cq", "pipelines(\"gh/org/repo\") | workflows | rerun\n")
        #expect(try await CQ.run(["check", writes]).status == 65)
        #expect(try await CQ.run(["check", "--allow-writes", writes]).status == 0)
    }

    @Test func formatKeepsCommentsAndIsIdempotent() async throws {
        let scratch = try ScratchDirectory()
        let messy = """
            #!/usr/bin/env cq
            # Slow jobs.
            let since=ago(7d)   # a week
            pipelines("gh/org/repo")|where created_at>since
              |jobs   # every workflow
              |where duration>10m|select name,duration
            """
        let path = try scratch.write("messy.cq", messy)
        let first = try await CQ.run(["fmt", path])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == """
            #!/usr/bin/env cq
            # Slow jobs.
            let since = ago(7d)  # a week
            pipelines("gh/org/repo")
              | where created_at > since
              | jobs  # every workflow
              | where duration > 10m
              | select name, duration

            """)
        let formatted = try scratch.write("formatted.cq", first.stdout)
        let second = try await CQ.run(["fmt", formatted])
        #expect(second.stdout == first.stdout)

        let inPlace = try await CQ.run(["fmt", "-i", path])
        #expect(inPlace.status == 0 && inPlace.stdout.isEmpty)
        #expect(try scratch.read("messy.cq") == first.stdout)
        // The formatted script means the same.
        let before = try await CQ.run(["--demo", "--format", "json", "-e", messy])
        let after = try await CQ.run(["--demo", "--format", "json", path])
        #expect(before.stdout == after.stdout)

        let broken = try scratch.write("broken.cq", "x | where (\n")
        let refused = try await CQ.run(["fmt", "-i", broken])
        #expect(refused.status == 65)
        #expect(try scratch.read("broken.cq") == "x | where (\n", "a file with errors is never rewritten")
    }

    @Test func helpListsBuiltinsAndDescribesOne() async throws {
        let overview = try await CQ.run(["help"])
        #expect(overview.status == 0)
        for name in [
            "me", "collaborations", "project", "pipelines", "org_pipelines", "pipeline", "workflow", "job", "workflows",
            "jobs", "details", "tests", "artifacts", "config", "logs", "insights", "runs", "job_metrics", "timeseries",
            "workflow_summary", "test_metrics", "flaky", "branches", "org_summary", "project_summary", "schedules",
            "envvars", "checkout_keys", "contexts", "context_envvars", "restrictions", "webhooks", "api", "trigger",
            "rerun", "cancel", "approve",
        ] {
            #expect(overview.stdout.contains("\n  \(name)"), "cq help lists \(name)")
        }

        let pipelines = try await CQ.run(["help", "pipelines"])
        #expect(pipelines.status == 0)
        // The signature line names the parameters; the list below gives their types.
        #expect(pipelines.stdout.hasPrefix("pipelines([project], [branch:], [mine:])\n"), "\(pipelines.stdout)")
        for parameter in ["project string (optional)", "branch: string (optional)", "mine: bool (optional)"] {
            #expect(pipelines.stdout.contains("\n    \(parameter) "), "help pipelines lists `\(parameter)`")
        }
        #expect(pipelines.stdout.contains("Returns: list of Pipeline"))
        #expect(pipelines.stdout.contains(missionQuery.replacingOccurrences(of: "gh/org/repo", with: "gh/acme/api")))

        let job = try await CQ.run(["help", "Job"])
        #expect(job.status == 0)
        #expect(job.stdout.hasPrefix("Job records\n"))
        for field in ["status", "workflow_id", "workflow_name", "pipeline_number", "duration", "url"] {
            #expect(job.stdout.contains("\n  \(field) "), "Job has \(field)")
        }
        #expect(job.stdout.contains("[derived by cq]"))

        let unknown = try await CQ.run(["help", "pipelinez"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean `pipeline`?"))
    }

    @Test func versionAndUsage() async throws {
        let version = try await CQ.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
        let help = try await CQ.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("cq --demo -e"))
    }
}
