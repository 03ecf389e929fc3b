import CircleCISimulator
import Foundation
import Testing

/// Writes change the world, keep it consistent, and `resetWorld` undoes them.
@Suite struct WriteTests {
    @Test func triggerPutsARunningPipelineOnTop() async throws {
        let sim = Simulator(now: fixedNow, seed: 5)
        let before = try await sim.call(.get, "/project/gh/acme/api/pipeline").items.first?["number"] as? Int
        let created = try await sim.call(.post, "/project/gh/acme/api/pipeline",
                                         body: #"{"branch":"main","parameters":{"run_e2e":true,"shard":2}}"#)
        #expect(created.status == 201)
        #expect(try Conformance.check(created.body, operationID: "triggerPipeline", status: 201).isEmpty)
        #expect(created.object["number"] as? Int == (before ?? 0) + 1)
        let top = try #require(try await sim.call(.get, "/project/gh/acme/api/pipeline").items.first)
        #expect(top["id"] as? String == created.object["id"] as? String)
        #expect((top["trigger"] as? [String: Any])?["type"] as? String == "api")
        #expect((top["trigger_parameters"] as? [String: Any])?["shard"] as? Int == 2)
        let workflows = try await sim.all("/pipeline/\(created.object["id"] as? String ?? "")/workflow")
        #expect(workflows.map { $0["name"] as? String } == ["build-and-test", "deploy"])
        #expect(workflows.allSatisfy { $0["status"] as? String == "running" })
        let jobs = try await sim.all("/workflow/\(workflows[0]["id"] as? String ?? "")/job")
        #expect(jobs.contains { $0["status"] as? String == "running" })
        #expect(await sim.mutationCount() == 1)
        await sim.resetWorld()
        let reset = try await sim.call(.get, "/project/gh/acme/api/pipeline").items.first?["number"] as? Int
        #expect(reset == before)
    }

    @Test(arguments: [
        (#"{"branch":"main","tag":"v1"}"#, 400),
        (#"{"parameters":{"nested":{"a":1}}}"#, 400),
        ("not json", 400),
        ("", 201),
    ])
    func triggerValidatesItsBody(_ body: String, _ status: Int) async throws {
        let sim = Simulator(now: fixedNow, seed: 5)
        let reply = try await sim.call(.post, "/project/gh/org/repo/pipeline", body: body)
        #expect(reply.status == status, "\(reply.text)")
    }

    @Test func gitHubAppProjectsCannotUseTheLegacyTrigger() async throws {
        let sim = Simulator(now: fixedNow, seed: 5)
        let slug = try #require(await sim.projectSlugs().first { $0.hasPrefix("circleci/") })
        #expect(try await sim.call(.post, "/project/\(slug)/pipeline").status == 400)
    }

    @Test func approveStartsTheDownstreamJobs() async throws {
        let sim = Simulator(now: fixedNow, seed: Simulator.defaultSeed)
        let samples = try await Shared.samples.value
        let workflowID = samples.expand("{approval-on_hold-workflow}")
        let holdID = samples.expand("{approval-on_hold-id}")
        let approved = try await sim.call(.post, "/workflow/\(workflowID)/approve/\(holdID)")
        #expect(approved.status == 202)
        #expect(approved.message == "Accepted.")
        let jobs = try await sim.all("/workflow/\(workflowID)/job")
        let hold = try #require(jobs.first { $0["id"] as? String == holdID })
        #expect(hold["status"] as? String == "success")
        #expect(hold["approved_by"] as? String == samples.expand("{me}"))
        let downstream = jobs.filter { ($0["dependencies"] as? [String])?.contains(holdID) == true }
        #expect(!downstream.isEmpty)
        #expect(downstream.allSatisfy { $0["status"] as? String == "running" && $0["job_number"] is Int })
        #expect(try await sim.call(.get, "/workflow/\(workflowID)").object["status"] as? String == "running")
        let again = try await sim.call(.post, "/workflow/\(workflowID)/approve/\(holdID)")
        #expect(again.status == 400)
    }

    @Test func cancelWorkflowAndJobs() async throws {
        let sim = Simulator(now: fixedNow, seed: Simulator.defaultSeed)
        let samples = try await Shared.samples.value
        let workflowID = samples.expand("{running-workflow}")
        let canceled = try await sim.call(.post, "/workflow/\(workflowID)/cancel")
        #expect(canceled.status == 202)
        let workflow = try await sim.call(.get, "/workflow/\(workflowID)").object
        #expect(workflow["status"] as? String == "canceled")
        #expect(workflow["stopped_at"] is String)
        #expect(workflow["canceled_by"] as? String == samples.expand("{me}"))
        let statuses = try await sim.all("/workflow/\(workflowID)/job").compactMap { $0["status"] as? String }
        #expect(!statuses.contains("running") && !statuses.contains("blocked"))

        let sim2 = Simulator(now: fixedNow, seed: Simulator.defaultSeed)
        let number = samples.expand("{build-running-number}")
        let byNumber = try await sim2.call(.post, "/project/gh/acme/api/job/\(number)/cancel")
        #expect(byNumber.status == 200)
        let details = try await sim2.call(.get, "/project/gh/acme/api/job/\(number)").object
        #expect(details["status"] as? String == "canceled")
        #expect(try await sim2.call(.post, "/project/gh/acme/api/job/\(number)/cancel").status == 400)
        let sim3 = Simulator(now: fixedNow, seed: Simulator.defaultSeed)
        let blocked = samples.expand("{build-blocked-id}")
        #expect(try await sim3.call(.post, "/jobs/\(blocked)/cancel").status == 200)
        #expect(try await sim3.call(.get, "/jobs/\(blocked)").object["status"] as? String == "canceled")
    }

    @Test func rerunCreatesANewWorkflowInTheSamePipeline() async throws {
        let sim = Simulator(now: fixedNow, seed: Simulator.defaultSeed)
        let samples = try await Shared.samples.value
        let failedID = samples.expand("{failed-workflow}")
        let original = try await sim.call(.get, "/workflow/\(failedID)").object
        let rerun = try await sim.call(.post, "/workflow/\(failedID)/rerun", body: #"{"from_failed":true}"#)
        #expect(rerun.status == 202)
        #expect(try Conformance.check(rerun.body, operationID: "rerunWorkflow", status: 202).isEmpty)
        let newID = try #require(rerun.object["workflow_id"] as? String)
        let workflows = try await sim.all("/pipeline/\(original["pipeline_id"] as? String ?? "")/workflow")
        #expect(workflows.last?["id"] as? String == newID)
        #expect(workflows.last?["status"] as? String == "running")
        #expect(try await sim.call(.post, "/workflow/\(newID)/rerun").status == 400)
        let succeeded = samples.expand("{success-workflow}")
        #expect(try await sim.call(.post, "/workflow/\(succeeded)/rerun", body: #"{"from_failed":true}"#).status == 400)
        #expect(try await sim.call(.post, "/workflow/\(succeeded)/rerun", body: "{}").status == 202)
    }
}
