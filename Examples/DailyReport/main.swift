import CQ
import CQKit
import CircleCI
import Foundation

// A daily report of failed jobs per owning team, as Markdown: cq embedded in
// a Swift program. The query is compiled once; it runs with safe limits and a
// builtin of this program's own, `owner(job)`, that `group by` uses.
//
//     swift run cq-daily-report gh/acme/api        (CIRCLECI_TOKEN, CIRCLECI_HOST as for cq)

let query = """
    pipelines($project)
      | where created_at > now() - $days * 1d
      | jobs
      | where status == "failed" and type == "build"
      | group by team: owner(it) with failures: count(), jobs: collect(name)
      | sort by failures desc, team
    """

/// Which team owns a job, by its name: this program's knowledge, not cq's.
let owners: [(prefix: String, team: String)] = [
    ("deploy", "platform"), ("integration", "backend"), ("unit", "backend"), ("lint", "developer-experience"),
    ("build", "developer-experience"), ("security", "security"), ("package", "platform"),
]

let owner = Builtin(
    "owner", kind: .function, parameters: [Parameter("job", .any, summary: "a Job record")],
    summary: "The team that owns a job, from the report's own table.", result: .fixed(.string),
    implementation: .function { invocation in
        let name = invocation["job"]?.recordValue?["name"]?.stringValue ?? ""
        return .value(.string(owners.first { name.hasPrefix($0.prefix) }?.team ?? "unowned"))
    })

let arguments = CommandLine.arguments.dropFirst()
guard let project = arguments.first else {
    FileHandle.standardError.write(Data("usage: cq-daily-report PROJECT-SLUG [DAYS]\n".utf8))
    exit(64)
}
let days = arguments.dropFirst().first.flatMap(Int.init) ?? 1

do {
    let resolved = try CircleCIConfiguration.resolve(
        environment: ProcessInfo.processInfo.environment, homeDirectory: FileManager.default.homeDirectoryForCurrentUser,
        explicitHost: nil)
    let client = CircleCIClient(configuration: resolved.configuration, transport: URLSessionTransport())
    let now = ProcessInfo.processInfo.environment["CQ_NOW"].flatMap(Timestamp.parse) ?? Date()
    // Safe limits for a scheduled job: no writes, no files, a time limit.
    let options = EngineOptions(
        evaluation: EvaluationOptions(timeout: .seconds(120), maxRowsPerStage: 50_000), now: { now })
    let engine = CQEngine(
        session: APISession(client: client, apiHost: resolved.configuration.host), options: options, builtins: [owner])
    let compiled = try engine.compile(query, bindings: .init(variables: ["project": .string, "days": .int]))
    var environment = Environment(variables: ["project": .string(project), "days": .int(days)])
    guard case .list(let rows)? = try await engine.run(compiled, in: &environment)?.collect() else { exit(70) }

    print("# Failed jobs by team — \(project), last \(days) day\(days == 1 ? "" : "s")\n")
    print("| team | failures | jobs |")
    print("|---|---:|---|")
    for row in rows {
        let team = row.recordValue?["team"]?.plainText ?? ""
        let failures = row.recordValue?["failures"]?.plainText ?? "0"
        let jobs = Set(row.recordValue?["jobs"]?.listValue?.map(\.plainText) ?? []).sorted().joined(separator: ", ")
        print("| \(team) | \(failures) | \(jobs) |")
    }
    if rows.isEmpty { print("| — | 0 | |") }
} catch let error as CompileError {
    FileHandle.standardError.write(Data(error.rendered().utf8))
    exit(65)
} catch let error as RuntimeError {
    FileHandle.standardError.write(Data(DiagnosticRenderer().render([error.diagnostic], in: SourceFile(name: "report", text: query)).utf8))
    exit(70)
} catch {
    FileHandle.standardError.write(Data("cq-daily-report: \(error)\n".utf8))
    exit(69)
}
