import Foundation

/// Generates one project's pipelines with their workflows and jobs.
struct PipelineGenerator {
    let blueprint: ProjectBlueprint
    let project: Project
    /// Users who push and approve (not the bot).
    let people: [User]
    let bot: User
    let scheduleActor: User
    let now: Date
    var random: SeededRandom

    /// Adds the project's history to `world`.
    mutating func generate(into world: inout World) {
        let suite = TestCatalog.suite(for: blueprint)
        var runner = WorkflowRunner(random: SeededRandom(seed: random.next()), suite: suite)
        var nextJobNumber = blueprint.firstJobNumber
        var ids: [UUID] = []
        let events = PipelineSchedule.events(for: blueprint, now: now, random: &random)
        for (offset, event) in events.enumerated() {
            var pipeline = makePipeline(event, number: blueprint.firstPipelineNumber + offset)
            var workflowIDs: [UUID] = []
            if pipeline.state != .errored {
                for template in templates(for: event) {
                    let runs = runs(of: template, in: pipeline, event: event, suite: suite,
                                    runner: &runner, nextJobNumber: &nextJobNumber)
                    for (workflow, jobs) in runs {
                        world.add(workflow, jobs: jobs)
                        workflowIDs.append(workflow.id)
                        if let stop = workflow.stoppedAt { pipeline.updatedAt = max(pipeline.updatedAt, stop) }
                    }
                }
            }
            world.pipelines[pipeline.id] = pipeline
            world.workflowIDsByPipeline[pipeline.id] = workflowIDs
            ids.append(pipeline.id)
        }
        world.pipelineIDsByProject[project.id] = ids.reversed()
        world.nextJobNumber[project.id] = nextJobNumber
    }

    private func templates(for event: PipelineEvent) -> [WorkflowTemplate] {
        if case .scheduled = event.kind { return [WorkflowTemplates.nightly] }
        let buildAndTest = WorkflowTemplates.buildAndTest(for: blueprint.language)
        let deploys = event.tag != nil || event.branch == blueprint.defaultBranch
            || (event.branch != nil && event.branch == blueprint.releaseBranch)
        return deploys ? [buildAndTest, WorkflowTemplates.deploy] : [buildAndTest]
    }

    // MARK: - Pipelines

    private mutating func makePipeline(_ event: PipelineEvent, number: Int) -> Pipeline {
        // Every pipeline builds its own commit, so a test that both passes and
        // fails on one revision is flaky, never a regression fixed later.
        let revision = random.hex(40)
        let actor: User
        switch event.kind {
        case .scheduled: actor = scheduleActor
        case .api: actor = bot
        case .push, .tag, .explicit: actor = random.pick(people)
        }
        let subject = random.pick(CommitMessages.subjects).replacingOccurrences(
            of: "%d", with: String(random.int(300...900)))
        let isFeature = event.branch.map { blueprint.featureBranches.contains($0) } ?? false
        let reviewID = isFeature && random.chance(0.7) ? String(random.int(300...900)) : nil
        let errors = event.errored ? [random.pick(CommitMessages.configErrors)].map {
            PipelineError(type: $0.type, message: $0.message)
        } : []
        let parameters: [PipelineParameter] = event.triggerType == .api
            ? [PipelineParameter(name: "run_integration_tests", value: .bool(true)),
               PipelineParameter(name: "deploy_target", value: .string("production"))]
            : []
        let created = event.time
        return Pipeline(
            id: random.uuid(), projectID: project.id, number: number, createdAt: created,
            updatedAt: created.addingTimeInterval(1), state: event.errored ? .errored : .created, errors: errors,
            triggerType: event.triggerType, actorID: actor.id,
            vcs: PipelineVCS(revision: revision, branch: event.branch, tag: event.tag, subject: subject,
                             body: random.pick(CommitMessages.bodies), reviewID: reviewID),
            parameters: parameters,
            scheduleName: event.triggerType == .scheduledPipeline ? "nightly-integration" : nil)
    }

    // MARK: - Workflows

    private mutating func runs(of template: WorkflowTemplate, in pipeline: Pipeline, event: PipelineEvent,
                               suite: TestSuite, runner: inout WorkflowRunner,
                               nextJobNumber: inout Int) -> [(Workflow, [Job])] {
        let startedBy = pipeline.actorID
        var plan = WorkflowPlan(
            template: template, pipeline: pipeline, project: project,
            createdAt: pipeline.createdAt.addingTimeInterval(Double(random.int(1500...6000)) / 1000),
            startedBy: startedBy, observedAt: now)
        plan.outcomes = outcomes(for: template, event: event, suite: suite)
        if template.name == WorkflowTemplates.deploy.name, !event.inProgress {
            plan.approvalDelay = Double(random.int(5...180) * 60)
            plan.approver = random.pick(people).id
        }
        if !event.inProgress, template.name != WorkflowTemplates.deploy.name, plan.outcomes.isEmpty,
           random.chance(0.03) {
            plan.cancellation = (plan.createdAt.addingTimeInterval(Double(random.int(60...200))), startedBy)
        }
        let first = runner.run(plan, nextJobNumber: &nextJobNumber)
        var result = [first]
        let forced = flakyTest(for: event, suite: suite).map { plan.outcomes.values.contains(.flaky(test: $0)) } ?? false
        guard first.0.status == .failed, !event.inProgress,
              let rerunPlan = rerun(of: first.0, plan: plan, forced: forced) else { return result }
        result.append(runner.run(rerunPlan, nextJobNumber: &nextJobNumber))
        return result
    }

    /// Someone reruns a failed workflow (always, when `forced`): flaky failures
    /// pass, regressions fail again.
    private mutating func rerun(of workflow: Workflow, plan: WorkflowPlan, forced: Bool) -> WorkflowPlan? {
        let flaky = plan.outcomes.values.contains { if case .flaky = $0 { return true } else { return false } }
        guard let stopped = workflow.stoppedAt, forced || random.chance(flaky ? 0.7 : 0.25) else { return nil }
        let created = stopped.addingTimeInterval(Double(random.int(3...40) * 60))
        guard created < now.addingTimeInterval(-60 * 60) else { return nil }
        var rerun = plan
        rerun.createdAt = created
        rerun.startedBy = random.pick(people).id
        rerun.rerunOf = workflow.id
        rerun.outcomes = plan.outcomes.filter {
            if case .flaky = $0.value { return false } else { return true }
        }
        return rerun
    }

    private mutating func outcomes(for template: WorkflowTemplate, event: PipelineEvent,
                                   suite: TestSuite) -> [String: PlannedOutcome] {
        if let test = flakyTest(for: event, suite: suite),
           let job = template.jobs.first(where: { $0.hasTests && suite.tests(for: $0.kind).contains { $0.id == test } }) {
            // Only the flaky test fails, so the rerun is green and the commit both passes and fails it.
            return [job.name: .flaky(test: test)]
        }
        var outcomes: [String: PlannedOutcome] = [:]
        let branchFactor: Double = switch event.branch {
        case blueprint.defaultBranch?: 0.6
        case nil: 0.5
        case let branch? where branch == blueprint.releaseBranch: 0.7
        default: 1.4
        }
        for job in template.jobs where job.type == .build {
            if event.forcedFailure, job.kind == .unitTests {
                outcomes[job.name] = .failed(tests: TestResultGenerator.regressions(in: suite, kind: job.kind,
                                                                                    random: &random))
                continue
            }
            let base: Double = switch job.kind {
            case .unitTests: 0.45 * blueprint.failureRate
            case .integrationTests, .e2e: 0.35 * blueprint.failureRate
            case .securityScan: 0.1
            case .deploy: 0.05
            case .lint: 0.03
            default: 0.02
            }
            guard random.chance(base * branchFactor) else { continue }
            outcomes[job.name] = failure(for: job, suite: suite)
        }
        return outcomes
    }

    private mutating func failure(for job: JobTemplate, suite: TestSuite) -> PlannedOutcome {
        let roll = random.int(1...100)
        if roll <= 3 { return .infrastructureFail }
        if roll <= 7 { return .timedout }
        guard job.hasTests else { return .failed(tests: []) }
        let flaky = suite.tests(for: job.kind).filter(suite.isFlaky).map(\.id)
        if roll <= 50, let test = flaky.first {
            return .flaky(test: flaky.count > 1 ? random.pick(flaky) : test)
        }
        return .failed(tests: TestResultGenerator.regressions(in: suite, kind: job.kind, random: &random))
    }
}

extension PipelineGenerator {
    /// The flaky test `event` is forced to fail, if any.
    private func flakyTest(for event: PipelineEvent, suite: TestSuite) -> TestID? {
        guard let index = event.flakyFailure, !suite.flaky.isEmpty else { return nil }
        return suite.flaky[index % suite.flaky.count]
    }
}

extension World {
    /// Stores a workflow and its jobs with their indexes.
    mutating func add(_ workflow: Workflow, jobs newJobs: [Job]) {
        workflows[workflow.id] = workflow
        jobIDsByWorkflow[workflow.id] = newJobs.map(\.id)
        for job in newJobs {
            jobs[job.id] = job
            if let number = job.number {
                jobIDsByNumber[job.projectID, default: [:]][number] = job.id
            }
        }
    }
}
