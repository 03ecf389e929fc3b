import CQ
import CQKit
import CircleCISimulator
import Testing

/// Every CircleCI builtin, run against the simulator, returns what its
/// registered schema (generated from the OpenAPI document) says.
@Suite(.timeLimit(.minutes(3))) struct BuiltinSchemaTests {
    /// One query per builtin; each returns at least one row.
    static let reads: [(builtin: String, query: String)] = [
        ("me", "me()"),
        ("collaborations", "collaborations()"),
        ("user", "user(me().id)"),
        ("organization", #"organization("gh/acme")"#),
        ("project", #"project("gh/acme/api")"#),
        ("pipelines", #"pipelines("gh/acme/api") | take 25"#),
        ("org_pipelines", #"org_pipelines("gh/acme") | take 5"#),
        ("pipeline", "let p = pipelines(\"gh/acme/api\") | first\npipeline(\"gh/acme/api\", p.number)"),
        ("workflow", "let w = pipelines(\"gh/acme/api\") | first | workflows | first\nworkflow(w.id)"),
        ("job", "let j = pipelines(\"gh/acme/api\") | take 5 | jobs | where job_number != null | first\njob(\"gh/acme/api\", j.job_number)"),
        ("workflows", #"pipelines("gh/acme/api") | take 5 | workflows"#),
        ("jobs", #"pipelines("gh/acme/api") | take 3 | jobs"#),
        ("details", #"pipelines("gh/acme/api") | take 1 | jobs | details"#),
        ("tests", #"pipelines("gh/acme/api") | jobs | where status == "failed" and name == "unit-tests" | take 1 | tests"#),
        ("artifacts", #"pipelines("gh/acme/api") | jobs | where status == "failed" and name == "unit-tests" | take 1 | artifacts"#),
        ("config", #"pipelines("gh/acme/api") | take 1 | config"#),
        ("logs", #"pipelines("gh/acme/api") | jobs | where status == "failed" | take 1 | logs"#),
        ("insights", #"insights("gh/acme/api")"#),
        ("runs", #"runs("gh/acme/api", "build-and-test") | take 30"#),
        ("job_metrics", #"job_metrics("gh/acme/api", "build-and-test")"#),
        ("timeseries", #"timeseries("gh/acme/api", "build-and-test")"#),
        ("workflow_summary", #"workflow_summary("gh/acme/api", "build-and-test")"#),
        ("test_metrics", #"test_metrics("gh/acme/api", "build-and-test")"#),
        ("flaky", #"flaky("gh/acme/api")"#),
        ("branches", #"branches("gh/acme/api")"#),
        ("org_summary", #"org_summary("gh/acme")"#),
        ("project_summary", #"project_summary("gh/acme/api")"#),
        ("schedules", #"schedules("gh/acme/api")"#),
        ("envvars", #"envvars("gh/acme/api")"#),
        ("checkout_keys", #"checkout_keys("gh/acme/api")"#),
        ("contexts", #"contexts("gh/acme")"#),
        ("context_envvars", #"contexts("gh/acme") | context_envvars"#),
        ("restrictions", #"contexts("gh/acme") | restrictions"#),
        ("webhooks", #"webhooks("gh/acme/api")"#),
        ("api", #"api("/me")"#),
    ]

    static let writes: [(builtin: String, query: String)] = [
        ("trigger", #"trigger("gh/acme/api", branch: "main", parameters: {deploy: true})"#),
        ("rerun", #"pipelines("gh/acme/api") | take 10 | workflows(latest: true) | where status == "failed" | take 2 | rerun(from_failed: true)"#),
        ("cancel", #"pipelines("gh/org/repo") | take 5 | workflows | where status == "running" | cancel"#),
        ("approve", #"pipelines("gh/acme/api") | take 10 | jobs | where type == "approval" and status == "on_hold" | approve"#),
    ]

    @Test func everyCircleCIBuiltinIsCovered() {
        let registry = Harness().engine.registry
        let calling = Set(registry.builtins.filter { $0.effect == .readsAPI || $0.effect == .writesAPI }.map(\.name))
        let covered = Set((Self.reads + Self.writes).map(\.builtin))
        #expect(calling == covered)
    }

    @Test(arguments: reads.map(\.builtin))
    func read(_ name: String) async throws {
        let query = try #require(Self.reads.first { $0.builtin == name }?.query)
        try await check(name, query, in: Harness())
    }

    @Test(arguments: writes.map(\.builtin))
    func write(_ name: String) async throws {
        let query = try #require(Self.writes.first { $0.builtin == name }?.query)
        let harness = Harness(allowWrites: true)
        try await check(name, query, in: harness)
        #expect(await harness.simulator.mutationCount() > 0)
    }

    private func check(_ name: String, _ query: String, in harness: Harness) async throws {
        let builtin = try #require(harness.engine.registry.builtin(named: name))
        guard case .fixed(let declared) = builtin.result else {
            Issue.record("\(name) has no fixed result type")
            return
        }
        let value = try await harness.evaluate(query)
        let conformance = SchemaConformance(registry: harness.engine.registry)
        let problems: [String]
        if builtin.kind == .fanOut || (declared.elementType != nil && value.listValue != nil) {
            let rows = try #require(value.listValue, "\(name) returned \(value.kindDescription)")
            #expect(!rows.isEmpty, "\(name): no rows, nothing was checked")
            let element = declared.elementType ?? declared
            problems = rows.enumerated().flatMap { conformance.problems($1, as: element, at: "row \($0)") }
        } else {
            #expect(value != .null, "\(name) returned null")
            problems = conformance.problems(value, as: declared, at: name)
        }
        #expect(problems.isEmpty, Comment(rawValue: "\(name):\n" + problems.prefix(10).joined(separator: "\n")))
        if let schema = declared.elementType?.recordSchema ?? declared.recordSchema, !schema.name.isEmpty {
            #expect(harness.engine.registry.schema(named: schema.name) != nil, "\(schema.name) is not registered")
        }
    }
}
