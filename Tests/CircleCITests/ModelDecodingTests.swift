import CircleCI
import Foundation
import Testing

@Suite("Decoding pipelines, workflows and jobs")
struct PipelineModelTests {
    @Test func pipelineDecodesNullsUnknownEnumsAndFreeFormParameters() throws {
        let pipeline = try decode(Pipeline.self, Fixtures.pipeline())
        #expect(pipeline.id == Fixtures.pipelineID)
        #expect(pipeline.number == 25)
        #expect(pipeline.state == .created)
        #expect(pipeline.errors.map(\.type) == [.configFetch, "brand-new-error"])
        #expect(pipeline.errors[1].type.isKnown == false)
        #expect(pipeline.trigger.type == .webhook)
        #expect(pipeline.trigger.actor.avatarURL == nil)
        #expect(pipeline.vcs?.branch == "feature/design-new-api")
        #expect(pipeline.vcs?.revision == nil)
        #expect(pipeline.vcs?.commit?.body == nil)
        #expect(pipeline.triggerParameters?["deploy"] == .bool(true))
        #expect(pipeline.triggerParameters?["count"] == .integer(3))
        #expect(pipeline.triggerParameters?["nested"] == .object(["a": .array([.integer(1), .double(2.5), .null])]))
        #expect(abs((pipeline.updatedAt?.timeIntervalSince1970 ?? 0) - 1_714_564_800.123) < 0.0005)
        #expect(pipeline.createdAt == Date(timeIntervalSince1970: 1_714_564_800))
    }

    /// Found against the simulator: `…:59.650Z` re-encoded as `…:59.649Z`.
    @Test(arguments: [0, 1, 7, 99, 100, 649, 650, 651, 899, 999])
    func datesFormatBackToTheMillisecondTheyWereParsedFrom(_ millis: Int) throws {
        let digits = String(millis)
        let text = "2025-11-05T13:54:59." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
        let date = try #require(CircleCIJSON.parseDate(text))
        #expect(CircleCIJSON.formatDate(date) == (millis == 0 ? "2025-11-05T13:54:59Z" : text))
        #expect(CircleCIJSON.formatDate(date.addingTimeInterval(-0.0004)) == CircleCIJSON.formatDate(date))
    }

    @Test func pipelineEncodesTheSameKeysIncludingRequiredNulls() throws {
        let pipeline = try decode(Pipeline.self, Fixtures.pipeline())
        #expect(try encodedKeys(pipeline) == fixtureKeys(Fixtures.pipeline()))
        let vcs = try jsonObject(CircleCIJSON.makeEncoder().encode(pipeline))["vcs"] as? [String: Any]
        #expect(vcs?.keys.contains("revision") == true)
        #expect(vcs?["revision"] is NSNull)
        #expect(try roundTrip(pipeline) == pipeline)
    }

    @Test func unknownEnumValuesReencodeTheirRawString() throws {
        let pipeline = try decode(Pipeline.self, Fixtures.pipeline(state: "hibernating"))
        #expect(pipeline.state.rawValue == "hibernating")
        #expect(!pipeline.state.isKnown)
        let object = try jsonObject(CircleCIJSON.makeEncoder().encode(pipeline))
        #expect(object["state"] as? String == "hibernating")
    }

    @Test func workflowKeepsNullStoppedAtAndFailingStatus() throws {
        let workflow = try decode(Workflow.self, Fixtures.workflow)
        #expect(workflow.status == .failing)
        #expect(workflow.status.isFailure)
        #expect(!workflow.status.isFinished)
        #expect(workflow.stoppedAt == nil)
        #expect(workflow.tag == nil)
        let object = try jsonObject(CircleCIJSON.makeEncoder().encode(workflow))
        #expect(object["stopped_at"] is NSNull)
        #expect(object["tag"] == nil)
    }

    @Test func approvalJobWithNullStartedAt() throws {
        let job = try decode(Job.self, Fixtures.job)
        #expect(job.type == .approval)
        #expect(job.status == .onHold)
        #expect(job.startedAt == nil)
        #expect(job.jobNumber == 11257)
        #expect(job.approvalRequestID == Fixtures.jobID)
        #expect(job.requires?["74be7583-44de-42a6-be75-8344de52a6f2"] == [.failed, .canceled])
    }

    @Test func jobWithoutNumberAndUnknownStatus() throws {
        let job = try decode(Job.self, Fixtures.jobWithoutNumber)
        #expect(job.jobNumber == nil)
        #expect(job.status.rawValue == "quantum-state")
        #expect(job.startedAt != nil)
        #expect(try roundTrip(job) == job)
    }

    @Test func jobSummaryAndDetails() throws {
        let summary = try decode(JobSummary.self, Fixtures.jobSummary)
        #expect(summary.jobNumber == 42)
        #expect(summary.status == "success")

        let details = try decode(JobDetails.self, Fixtures.jobDetails)
        #expect(details.status == .failed)
        #expect(details.duration == 183_000)
        #expect(details.executor.resourceClass == "medium")
        #expect(details.parallelRuns.map(\.status) == ["success", "failed"])
        #expect(details.latestWorkflow.name == "build-and-test")
        #expect(details.contexts.map(\.name) == ["aws"])
        #expect(try encodedKeys(details) == fixtureKeys(Fixtures.jobDetails))

        let queued = try decode(JobDetails.self, Fixtures.queuedJobDetails)
        #expect(queued.startedAt == nil)
        #expect(queued.queuedAt == nil)
        #expect(queued.duration == nil)
        #expect(queued.executor.type == nil)
    }

    @Test func artifactsAndLenientTestResults() throws {
        let artifact = try decode(Artifact.self, Fixtures.artifact)
        #expect(artifact.nodeIndex == 0)
        #expect(artifact.path == "coverage/index.html")

        let passed = try decode(TestResult.self, Fixtures.testResults[0])
        #expect(passed.runTime == 0.25)
        #expect(passed.message == nil)
        let failed = try decode(TestResult.self, Fixtures.testResults[1])
        #expect(failed.runTime == 1.5)
        #expect(failed.file == nil)
        #expect(failed.result == "failure")
        #expect(try roundTrip(failed) == failed)
    }

    @Test func pipelineConfigWithoutSetupConfig() throws {
        let config = try decode(PipelineConfig.self, Fixtures.pipelineConfig)
        #expect(config.source.hasPrefix("version: 2.1"))
        #expect(config.setupConfig == nil)
    }

    @Test func writeResponses() throws {
        let creation = try decode(
            PipelineCreation.self,
            #"{"id": "\#(Fixtures.pipelineID)", "state": "pending", "number": 26, "created_at": "2024-05-01T12:00:00Z"}"#)
        #expect(creation.number == 26)
        #expect(creation.state == .pending)
        #expect(try decode(MessageResponse.self, #"{"message": "Accepted."}"#).message == "Accepted.")
        #expect(
            try decode(RerunWorkflowResult.self, #"{"workflow_id": "\#(Fixtures.workflowID)"}"#).workflowID
                == Fixtures.workflowID)
    }

    @Test func stepsAndOutputFromV1() throws {
        struct Build: Decodable { var steps: [JobStep] }
        let build = try decode(Build.self, Fixtures.v1Build)
        #expect(build.steps.count == 2)
        let spinUp = try #require(build.steps.first?.actions.first)
        #expect(spinUp.hasOutput == true)
        #expect(spinUp.failed == nil)
        #expect(spinUp.outputURL == "OUTPUT_URL")
        #expect(spinUp.runTimeMillis == 11391)
        let test = try #require(build.steps.last?.actions.first)
        #expect(test.exitCode == 1)
        #expect(test.outputURL == nil)
        #expect(test.endTime == nil)

        let output = try decode([StepOutput].self, Fixtures.stepOutput)
        #expect(output.map(\.type) == ["out", "err"])
        #expect(output[0].message == "Build complete\r\n")
    }
}

@Suite("Decoding projects, organizations and contexts")
struct ProjectModelTests {
    @Test func project() throws {
        let project = try decode(Project.self, Fixtures.project)
        #expect(project.vcsInfo.provider == .github)
        #expect(project.organizationSlug == "gh/acme")
        #expect(try encodedKeys(project) == fixtureKeys(Fixtures.project))
    }

    @Test func settingsEnvironmentAndCheckoutKeys() throws {
        let settings = try decode(ProjectSettings.self, Fixtures.projectSettings)
        #expect(settings.advanced?.buildPrsOnly == true)
        #expect(settings.advanced?.prOnlyBranchOverrides == ["main", "release/*"])

        let variable = try decode(EnvironmentVariable.self, Fixtures.environmentVariable)
        #expect(variable.createdAt == "#joda/inst 2023-04-14T21:20:14+0000")
        #expect(try encodedKeys(variable) == ["name", "value", "created-at"])

        let key = try decode(CheckoutKey.self, Fixtures.checkoutKey)
        #expect(key.type == .deployKey)
        #expect(key.preferred)
        #expect(try encodedKeys(key) == fixtureKeys(Fixtures.checkoutKey))
    }

    @Test func scheduleUsesKebabCaseAndKeepsUnknownMonths() throws {
        let schedule = try decode(Schedule.self, Fixtures.schedule)
        #expect(schedule.projectSlug == "gh/acme/api")
        #expect(schedule.timetable.hoursOfDay == [0, 12])
        #expect(schedule.timetable.daysOfWeek == [.mon, .fri])
        #expect(schedule.timetable.months?.last?.rawValue == "XYZ")
        #expect(schedule.parameters["retries"] == .integer(2))
        #expect(schedule.actor.avatarURL == nil)
        #expect(schedule.description == nil)
        #expect(try encodedKeys(schedule) == fixtureKeys(Fixtures.schedule))
    }

    @Test func webhookUsersAndCollaborations() throws {
        let webhook = try decode(Webhook.self, Fixtures.webhook)
        #expect(webhook.events == [.workflowCompleted, .jobCompleted])
        #expect(webhook.scope.type == "project")
        #expect(webhook.verifyTLS)

        let user = try decode(User.self, Fixtures.user)
        #expect(user.login == "octocat")

        let collaborations = try decode([Collaboration].self, Fixtures.collaborations)
        #expect(collaborations.map(\.vcsType) == ["github", "circleci"])
        #expect(collaborations[1].id == nil)
        let second = try jsonObject(CircleCIJSON.makeEncoder().encode(collaborations[1]))
        #expect(second["id"] is NSNull)
        #expect(second["vcs-type"] as? String == "circleci")
    }

    @Test func organizationAndContexts() throws {
        #expect(try decode(Organization.self, Fixtures.organization).vcsType == .github)
        #expect(try decode(Context.self, Fixtures.context).name == "aws")
        let variable = try decode(ContextEnvironmentVariable.self, Fixtures.contextVariable)
        #expect(variable.variable == "POSTGRES_USER")
        let restriction = try decode(ContextRestriction.self, Fixtures.contextRestriction)
        #expect(restriction.restrictionType == .project)
        #expect(restriction.projectID == nil)
    }
}
