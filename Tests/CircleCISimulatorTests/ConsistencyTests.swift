import CircleCISimulator
import Foundation
import Testing

/// The same run seen through different endpoints tells the same story.
@Suite struct ConsistencyTests {
    let sim = Shared.simulator

    private func date(_ value: Any?) -> Date? {
        (value as? String).flatMap { try? Date($0, strategy: .iso8601) }
    }

    @Test func jobListDetailsTestsArtifactsAndV1Agree() async throws {
        var checked = 0
        var numbers: Set<Int> = []
        for pipeline in try await sim.all("/project/gh/acme/api/pipeline").prefix(25) {
            let created = try #require(date(pipeline["created_at"]))
            for workflow in try await sim.all("/pipeline/\(pipeline["id"] as? String ?? "")/workflow") {
                let workflowCreated = try #require(date(workflow["created_at"]))
                #expect(created <= workflowCreated)
                let finished = !["running", "on_hold", "failing"].contains(workflow["status"] as? String ?? "")
                #expect((workflow["stopped_at"] is String) == finished)
                for job in try await sim.all("/workflow/\(workflow["id"] as? String ?? "")/job") {
                    guard let number = job["job_number"] as? Int else { continue }
                    #expect(numbers.insert(number).inserted, "job number \(number) reused")
                    if let started = date(job["started_at"]) {
                        #expect(workflowCreated <= started)
                        if let stopped = date(job["stopped_at"]) { #expect(started <= stopped) }
                    }
                    guard job["type"] as? String == "build" else { continue }
                    try await checkJob(job, number: number)
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }

    private func checkJob(_ job: [String: Any], number: Int) async throws {
        let details = try await sim.call(.get, "/project/gh/acme/api/job/\(number)").object
        #expect(details["number"] as? Int == number)
        #expect(details["status"] as? String == job["status"] as? String)
        #expect(details["name"] as? String == job["name"] as? String)
        #expect(details["started_at"] as? String == job["started_at"] as? String)
        #expect(details["stopped_at"] as? String == job["stopped_at"] as? String)
        if let started = date(details["started_at"]), let stopped = date(details["stopped_at"]) {
            let millis = Int((stopped.timeIntervalSince(started) * 1000).rounded())
            #expect(abs((details["duration"] as? Int ?? -1) - millis) <= 1)
        } else {
            #expect(details["duration"] is NSNull)
        }
        #expect((details["parallel_runs"] as? [Any])?.count == details["parallelism"] as? Int)
        let tests = try await sim.all("/project/gh/acme/api/\(number)/tests")
        let status = job["status"] as? String
        if status == "failed", let name = job["name"] as? String, name.contains("tests") {
            #expect(tests.contains { $0["result"] as? String == "failure" })
        }
        if status == "success" { #expect(!tests.contains { $0["result"] as? String == "failure" }) }
        for artifact in try await sim.all("/project/gh/acme/api/\(number)/artifacts") {
            #expect((artifact["url"] as? String)?.contains(job["id"] as? String ?? "-") == true)
        }
    }

    @Test func v1BuildMatchesTheV2Job() async throws {
        let samples = try await Shared.samples.value
        for key in ["build-success-number", "build-failed-number", "build-running-number"] {
            let number = samples.expand("{\(key)}")
            let details = try await sim.call(.get, "/project/gh/acme/api/job/\(number)").object
            let build = try await sim.callV1("/project/gh/acme/api/\(number)").object
            #expect(build["build_num"] as? Int == Int(number))
            #expect(build["status"] as? String == details["status"] as? String)
            #expect(build["start_time"] as? String == details["started_at"] as? String)
            #expect(build["stop_time"] as? String == details["stopped_at"] as? String)
            let actions = (build["steps"] as? [[String: Any]] ?? []).flatMap { $0["actions"] as? [[String: Any]] ?? [] }
            #expect(!actions.isEmpty)
            #expect(actions.allSatisfy { $0["output_url"] == nil || ($0["output_url"] as? String)?
                .hasPrefix(Simulator.inProcessOutputBaseURL.absoluteString) == true })
            if let stop = date(details["stopped_at"]) {
                #expect(actions.compactMap { date($0["end_time"]) }.allSatisfy { $0 <= stop })
            } else {
                #expect(actions.contains { $0["status"] as? String == "running" && $0["end_time"] is NSNull })
            }
        }
    }

    @Test func stepOutputInProcessUsesTheOutputAuthorityWithoutToken() async throws {
        let samples = try await Shared.samples.value
        let build = try await sim.callV1("/project/gh/acme/api/\(samples.expand("{build-failed-number}"))").object
        let actions = (build["steps"] as? [[String: Any]] ?? []).flatMap { $0["actions"] as? [[String: Any]] ?? [] }
        let text = actions.first { $0["has_output"] as? Bool == true }?["output_url"] as? String
        let url = try #require(URLComponents(string: text ?? ""))
        let target = url.percentEncodedPath + "?" + (url.percentEncodedQuery ?? "")
        let reply = try await sim.call(.get, target, token: nil, authority: url.host)
        #expect(reply.status == 200)
        #expect((reply.json as? [[String: Any]])?.first?["message"] is String)
    }
}

extension Simulator {
    /// A v1.1 request in-process: relative to the `/api/v1.1` root.
    func callV1(_ path: String) async throws -> Reply {
        try await call(.get, "/api/v1.1" + path, authority: "circleci.com")
    }
}
