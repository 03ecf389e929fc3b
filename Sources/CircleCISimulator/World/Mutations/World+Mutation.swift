import Foundation

extension World {
    /// Advances the mutation clock by `seconds` and returns the new instant.
    mutating func tick(_ seconds: TimeInterval = 1) -> Date {
        clock = clock.addingTimeInterval(seconds)
        return clock
    }

    /// A generator for one mutation, different for each mutation.
    mutating func mutationRandom() -> SeededRandom {
        mutationCount += 1
        return SeededRandom(seed: seed, stream: "mutation/\(mutationCount)")
    }

    /// Hands out the next job number of a project.
    mutating func takeJobNumber(for projectID: UUID) -> Int {
        let number = nextJobNumber[projectID] ?? 1
        nextJobNumber[projectID] = number + 1
        return number
    }

    /// Runs a new workflow from `template` in `pipeline`, observed shortly after
    /// it starts so its first jobs are running, and stores it.
    mutating func startWorkflow(_ template: WorkflowTemplate, in pipeline: Pipeline, project: Project,
                                rerunOf: UUID? = nil, onlyJobs: Set<String>? = nil) -> Workflow? {
        guard let blueprint = blueprint(of: project) else { return nil }
        let created = tick()
        var plan = WorkflowPlan(template: template, pipeline: pipeline, project: project, createdAt: created,
                                startedBy: currentUserID, observedAt: created.addingTimeInterval(30))
        plan.rerunOf = rerunOf
        plan.onlyJobs = onlyJobs
        var runner = WorkflowRunner(random: mutationRandom(), suite: TestCatalog.suite(for: blueprint))
        var number = nextJobNumber[project.id] ?? blueprint.firstJobNumber
        let (workflow, jobs) = runner.run(plan, nextJobNumber: &number)
        nextJobNumber[project.id] = number
        add(workflow, jobs: jobs)
        workflowIDsByPipeline[pipeline.id, default: []].append(workflow.id)
        pipelines[pipeline.id]?.updatedAt = created
        clock = max(clock, plan.observedAt)
        return workflow
    }

    /// Stores changed jobs and re-derives their workflow's status.
    mutating func settle(workflowID: UUID, canceledAt: Date? = nil) {
        guard var workflow = workflows[workflowID] else { return }
        var current = jobs(of: workflow)
        Workflow.settle(&workflow, jobs: &current, canceledAt: canceledAt)
        workflows[workflowID] = workflow
        for job in current {
            jobs[job.id] = job
            if let number = job.number { jobIDsByNumber[job.projectID, default: [:]][number] = job.id }
        }
        pipelines[workflow.pipelineID]?.updatedAt = clock
    }
}

extension WorkflowTemplates {
    /// The template a project's workflow named `name` came from.
    static func named(_ name: String, language: Language) -> WorkflowTemplate? {
        [buildAndTest(for: language), deploy, nightly].first { $0.name == name }
    }
}
