import Foundation

extension World {
    /// `POST /workflow/{id}/rerun`: a new workflow in the same pipeline.
    mutating func rerunWorkflow(_ workflow: Workflow, fromFailed: Bool, jobIDs: [UUID]) throws(APIError) -> Workflow {
        guard workflow.status.isTerminal else {
            throw .badRequest("Cannot rerun a workflow that is still running.")
        }
        guard let pipeline = pipelines[workflow.pipelineID], let project = project(id: workflow.projectID),
              let blueprint = blueprint(of: project),
              let template = WorkflowTemplates.named(workflow.name, language: blueprint.language)
        else { throw .notFound("Workflow") }
        let existing = jobs(of: workflow)
        var only: Set<String>?
        if !jobIDs.isEmpty {
            let names = jobIDs.compactMap { id in existing.first { $0.id == id }?.name }
            guard names.count == jobIDs.count else { throw .badRequest("Jobs must belong to the workflow.") }
            only = Set(names)
        } else if fromFailed {
            let failed = existing.filter { $0.status.isFailure || $0.status == .canceled }.map(\.name)
            guard !failed.isEmpty else { throw .badRequest("Workflow has no failed jobs to rerun.") }
            only = Self.withDownstream(Set(failed), in: template)
        }
        guard let rerun = startWorkflow(template, in: pipeline, project: project, rerunOf: workflow.id,
                                        onlyJobs: only)
        else { throw .notFound("Workflow") }
        return rerun
    }

    /// `POST /workflow/{id}/cancel`. Finished workflows stay as they are.
    mutating func cancelWorkflow(_ workflow: Workflow) {
        guard !workflow.status.isTerminal else { return }
        let now = tick()
        for var job in jobs(of: workflow) where !job.status.isTerminal && job.status != .blocked {
            job.cancel(at: now, by: currentUserID)
            jobs[job.id] = job
        }
        workflows[workflow.id]?.canceledBy = currentUserID
        settle(workflowID: workflow.id, canceledAt: now)
    }

    /// `POST /jobs/{id}/cancel` and `POST /project/{slug}/job/{n}/cancel`.
    mutating func cancelJob(_ job: Job) throws(APIError) {
        guard !job.status.isTerminal else { throw .badRequest("Job has already finished.") }
        var canceled = job
        canceled.cancel(at: tick(), by: currentUserID)
        jobs[job.id] = canceled
        settle(workflowID: job.workflowID)
    }

    /// `POST /workflow/{id}/approve/{approval_request_id}`: the hold job
    /// succeeds and the jobs waiting on it start.
    mutating func approve(workflow: Workflow, requestID: UUID) throws(APIError) {
        guard var hold = jobs(of: workflow).first(where: { $0.approvalRequestID == requestID }) else {
            throw .notFound("Approval request")
        }
        guard hold.status == .onHold else { throw .badRequest("Job is not on hold.") }
        let approvedAt = tick()
        hold.status = .success
        hold.stoppedAt = approvedAt
        hold.approvedBy = currentUserID
        jobs[hold.id] = hold
        let started = tick(3)
        for var job in jobs(of: workflow) where job.status == .blocked {
            let ready = job.dependencies.allSatisfy { jobs[$0]?.status == .success }
            guard ready else { continue }
            job.status = .running
            job.queuedAt = approvedAt.addingTimeInterval(0.5)
            job.startedAt = started
            job.number = takeJobNumber(for: job.projectID)
            jobs[job.id] = job
        }
        settle(workflowID: workflow.id)
    }

    /// `names` and every job that (transitively) requires one of them.
    private static func withDownstream(_ names: Set<String>, in template: WorkflowTemplate) -> Set<String> {
        var result = names
        var changed = true
        while changed {
            changed = false
            for job in template.jobs where !result.contains(job.name) && job.requires.contains(where: result.contains) {
                result.insert(job.name)
                changed = true
            }
        }
        return result
    }
}

extension Job {
    /// Stops the job as canceled: running jobs get a stop time.
    mutating func cancel(at date: Date, by user: UUID) {
        if startedAt != nil, stoppedAt == nil { stoppedAt = date }
        status = .canceled
        canceledBy = user
    }
}
