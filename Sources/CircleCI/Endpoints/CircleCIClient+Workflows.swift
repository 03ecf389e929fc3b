import Foundation

extension CircleCIClient {
    /// The workflows of a pipeline (`listWorkflowsByPipelineId`).
    public func workflows(pipelineID: String) -> Paginated<Workflow> {
        paginate(Workflow.self) {
            let id = try Identifier.uuid(pipelineID, name: "pipeline ID", operationID: "listWorkflowsByPipelineId")
            return APIRequest(
                operationID: "listWorkflowsByPipelineId", path: "/pipeline/\(id)/workflow", subject: "pipeline \(id)")
        }
    }

    /// A workflow by ID (`getWorkflowById`).
    public func workflow(id: String) async throws -> Workflow {
        let id = try Identifier.uuid(id, name: "workflow ID", operationID: "getWorkflowById")
        return try await fetch(
            Workflow.self, APIRequest(operationID: "getWorkflowById", path: "/workflow/\(id)", subject: "workflow \(id)"))
    }

    /// The jobs of a workflow (`listWorkflowJobs`).
    public func jobs(workflowID: String) -> Paginated<Job> {
        paginate(Job.self) {
            let id = try Identifier.uuid(workflowID, name: "workflow ID", operationID: "listWorkflowJobs")
            return APIRequest(operationID: "listWorkflowJobs", path: "/workflow/\(id)/job", subject: "workflow \(id)")
        }
    }
}
