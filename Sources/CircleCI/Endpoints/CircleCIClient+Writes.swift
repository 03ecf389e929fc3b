import Foundation

/// Operations that change CircleCI state. They are never retried once the
/// request may have taken effect: only a refused connection or a 429 (the rate
/// limiter turned it away) is retried. The CLI decides whether to allow them.
extension CircleCIClient {
    /// Triggers a pipeline (`triggerPipeline`, `POST /project/{slug}/pipeline`).
    ///
    /// Not supported for GitLab or GitHub App projects. A 201 does not promise
    /// that workflows will run; they appear a moment later.
    public func triggerPipeline(
        project: ProjectSlug, _ request: TriggerPipelineRequest = TriggerPipelineRequest()
    ) async throws -> PipelineCreation {
        try await fetch(
            PipelineCreation.self,
            APIRequest(
                operationID: "triggerPipeline", method: .post, path: "/project/\(project.pathComponent)/pipeline",
                body: try Self.encodeBody(request), subject: "project \(project)"))
    }

    /// Reruns a workflow (`rerunWorkflow`); returns the new workflow's ID.
    public func rerunWorkflow(id: String, _ request: RerunWorkflowRequest = .entireWorkflow) async throws
        -> RerunWorkflowResult
    {
        let id = try Identifier.uuid(id, name: "workflow ID", operationID: "rerunWorkflow")
        if let jobs = request.jobs {
            for job in jobs { _ = try Identifier.uuid(job, name: "job ID", operationID: "rerunWorkflow") }
        }
        return try await fetch(
            RerunWorkflowResult.self,
            APIRequest(
                operationID: "rerunWorkflow", method: .post, path: "/workflow/\(id)/rerun",
                body: try Self.encodeBody(request), subject: "workflow \(id)"))
    }

    /// Cancels a workflow (`cancelWorkflow`).
    public func cancelWorkflow(id: String) async throws -> MessageResponse {
        let id = try Identifier.uuid(id, name: "workflow ID", operationID: "cancelWorkflow")
        return try await fetch(
            MessageResponse.self,
            APIRequest(operationID: "cancelWorkflow", method: .post, path: "/workflow/\(id)/cancel", subject: "workflow \(id)"))
    }

    /// Cancels a job by ID (`cancelJobByJobID`).
    public func cancelJob(id: String) async throws -> MessageResponse {
        let id = try Identifier.uuid(id, name: "job ID", operationID: "cancelJobByJobID")
        return try await fetch(
            MessageResponse.self,
            APIRequest(operationID: "cancelJobByJobID", method: .post, path: "/jobs/\(id)/cancel", subject: "job \(id)"))
    }

    /// Cancels a job by project and number (`cancelJobByJobNumber`).
    public func cancelJob(project: ProjectSlug, number: Int) async throws -> MessageResponse {
        let number = try Identifier.number(number, name: "job number", operationID: "cancelJobByJobNumber")
        return try await fetch(
            MessageResponse.self,
            APIRequest(
                operationID: "cancelJobByJobNumber", method: .post,
                path: "/project/\(project.pathComponent)/job/\(number)/cancel", subject: "job \(number) of \(project)"))
    }

    /// Approves a pending approval job (`approvePendingApprovalJobById`).
    ///
    /// - Parameters:
    ///   - workflowID: the workflow holding the approval job.
    ///   - approvalRequestID: the job's ``Job/approvalRequestID``.
    public func approveJob(workflowID: String, approvalRequestID: String) async throws -> MessageResponse {
        let operationID = "approvePendingApprovalJobById"
        let workflow = try Identifier.uuid(workflowID, name: "workflow ID", operationID: operationID)
        let approval = try Identifier.uuid(approvalRequestID, name: "approval request ID", operationID: operationID)
        return try await fetch(
            MessageResponse.self,
            APIRequest(
                operationID: operationID, method: .post, path: "/workflow/\(workflow)/approve/\(approval)",
                subject: "approval \(approval) of workflow \(workflow)"))
    }

    private static func encodeBody(_ body: some Encodable) throws -> Data {
        try CircleCIJSON.makeEncoder().encode(body)
    }
}
