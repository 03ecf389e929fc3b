import Foundation

/// Turns a ``WorkflowPlan`` into a workflow and its jobs as they look at
/// `plan.observedAt`: finished jobs have results, the current ones run or
/// queue, the rest are blocked.
struct WorkflowRunner {
    var random: SeededRandom
    let suite: TestSuite

    /// Runs `plan`; `nextJobNumber` hands out job numbers in start order.
    mutating func run(_ plan: WorkflowPlan, nextJobNumber: inout Int) -> (Workflow, [Job]) {
        let workflowID = random.uuid()
        var timelines: [String: JobTimeline] = [:]
        var jobIDs: [String: UUID] = [:]
        let templates = plan.template.jobs.filter { plan.onlyJobs?.contains($0.name) ?? true }
        for template in templates { jobIDs[template.name] = random.uuid() }

        for template in templates {
            timelines[template.name] = timeline(for: template, plan: plan, upstream: timelines)
        }

        var jobs = templates.compactMap { template -> Job? in
            guard let id = jobIDs[template.name], let timeline = timelines[template.name] else { return nil }
            return makeJob(template, id: id, workflowID: workflowID, timeline: timeline, plan: plan,
                           dependencies: template.requires.compactMap { jobIDs[$0] })
        }
        assignNumbers(to: &jobs, next: &nextJobNumber)

        var workflow = Workflow(
            id: workflowID, pipelineID: plan.pipeline.id, projectID: plan.project.id,
            name: plan.template.name, status: .running, startedBy: plan.startedBy,
            createdAt: plan.createdAt, stoppedAt: nil, canceledBy: nil, erroredBy: nil, rerunOf: plan.rerunOf)
        var canceledAt: Date?
        if let cancellation = plan.cancellation, cancellation.at <= plan.observedAt {
            workflow.canceledBy = cancellation.by
            canceledAt = cancellation.at
        }
        Workflow.settle(&workflow, jobs: &jobs, canceledAt: canceledAt)
        if workflow.status == .error { workflow.erroredBy = plan.startedBy }
        return (workflow, jobs)
    }

    // MARK: - Planning

    private mutating func timeline(for template: JobTemplate, plan: WorkflowPlan,
                                   upstream: [String: JobTimeline]) -> JobTimeline {
        var timeline = JobTimeline()
        var readyAt = plan.createdAt.addingTimeInterval(Double(random.int(800...2500)) / 1000)
        for name in template.requires {
            // A job left out of a selective rerun counts as already done.
            if let only = plan.onlyJobs, !only.contains(name) { continue }
            guard let dependency = upstream[name], dependency.outcome == .success,
                  let stop = dependency.stoppedAt else { return timeline }
            readyAt = max(readyAt, stop)
        }
        timeline.readyAt = readyAt
        if template.type == .approval {
            timeline.queuedAt = readyAt
            timeline.startedAt = readyAt
            timeline.stoppedAt = plan.approvalDelay.map { readyAt.addingTimeInterval($0) }
            return timeline
        }
        let queued = readyAt.addingTimeInterval(Double(random.int(300...2000)) / 1000)
        let started = queued.addingTimeInterval(Double(random.int(2000...25_000)) / 1000)
        let outcome = plan.outcomes[template.name] ?? .success
        var seconds = Double(random.int(template.duration)) + Double(random.int(0...999)) / 1000
        switch outcome {
        case .success: break
        case .failed, .flaky: seconds *= Double(random.int(40...95)) / 100
        case .timedout: seconds = Double(template.duration.upperBound) * 1.5
        case .infrastructureFail: seconds = Double(random.int(5...40))
        }
        timeline.queuedAt = queued
        timeline.startedAt = started
        timeline.stoppedAt = started.addingTimeInterval(seconds)
        timeline.outcome = outcome
        return timeline
    }

    // MARK: - Clipping

    private mutating func makeJob(_ template: JobTemplate, id: UUID, workflowID: UUID, timeline: JobTimeline,
                                  plan: WorkflowPlan, dependencies: [UUID]) -> Job {
        let now = plan.observedAt
        let cancelAt = plan.cancellation.flatMap { $0.at <= now ? $0.at : nil }
        let horizon = cancelAt ?? now
        var job = Job(
            id: id, workflowID: workflowID, pipelineID: plan.pipeline.id, projectID: plan.project.id,
            name: template.name, kind: template.kind, type: template.type, status: .blocked, number: nil,
            dependencies: dependencies, createdAt: plan.createdAt, queuedAt: nil, startedAt: nil, stoppedAt: nil,
            approvedBy: nil, canceledBy: nil, parallelism: template.parallelism,
            executor: Executor(type: template.type == .approval ? "" : "docker", resourceClass: template.resourceClass),
            contexts: template.contexts, failedNode: nil, tests: [], artifacts: [])
        guard let queuedAt = timeline.queuedAt, queuedAt <= horizon else { return job }
        job.queuedAt = queuedAt
        if template.type == .approval {
            if let approvedAt = timeline.stoppedAt, approvedAt <= horizon {
                job.status = .success
                job.startedAt = timeline.startedAt
                job.stoppedAt = approvedAt
                job.approvedBy = plan.approver
            } else {
                job.status = cancelAt == nil ? .onHold : .canceled
                job.startedAt = timeline.startedAt
            }
            return job
        }
        guard let startedAt = timeline.startedAt, startedAt <= horizon else {
            job.status = cancelAt == nil ? .queued : .canceled
            return job
        }
        job.startedAt = startedAt
        guard let stoppedAt = timeline.stoppedAt, stoppedAt <= horizon else {
            if let cancelAt, let cancellation = plan.cancellation {
                job.status = .canceled
                job.stoppedAt = cancelAt
                job.canceledBy = cancellation.by
            } else {
                job.status = .running
            }
            return job
        }
        job.stoppedAt = stoppedAt
        job.status = Self.status(for: timeline.outcome)
        job.tests = TestResultGenerator.results(for: job, outcome: timeline.outcome, suite: suite, random: &random)
        job.failedNode = TestResultGenerator.failedNode(of: job, outcome: timeline.outcome)
        job.artifacts = ArtifactCatalog.artifacts(for: job, projectName: plan.project.name)
        return job
    }

    private static func status(for outcome: PlannedOutcome) -> JobStatus {
        switch outcome {
        case .success: .success
        case .failed, .flaky: .failed
        case .timedout: .timedout
        case .infrastructureFail: .infrastructureFail
        }
    }

    /// Numbers go to jobs that reached the queue, in the order they did.
    private func assignNumbers(to jobs: inout [Job], next: inout Int) {
        let order = jobs.indices
            .filter { jobs[$0].queuedAt != nil }
            .sorted { (jobs[$0].queuedAt ?? .distantPast, $0) < (jobs[$1].queuedAt ?? .distantPast, $1) }
        for index in order {
            jobs[index].number = next
            next += 1
        }
    }
}
