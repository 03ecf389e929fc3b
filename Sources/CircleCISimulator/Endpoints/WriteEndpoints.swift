import Foundation

/// The writes: trigger, rerun, cancel and approve. Each really changes the world.
enum WriteEndpoints {
    static let routes: [Route] = [
        .post("/project/{project-slug}/pipeline", "triggerPipeline", trigger),
        .post("/workflow/{id}/rerun", "rerunWorkflow") { world, context throws(APIError) in
            let workflow = try world.requireWorkflow(id: context.parameter("id"))
            let body = try context.jsonBody()
            if let body, body.objectMembers == nil { throw .badRequest("Unexpected request body provided.") }
            let ids = try (body?["jobs"]?.arrayValue ?? []).map { value throws(APIError) in
                try World.uuid(value.stringValue ?? "", entity: "Job")
            }
            let rerun = try world.rerunWorkflow(workflow, fromFailed: body?["from_failed"]?.boolValue ?? false,
                                                jobIDs: ids)
            return .json(.object([("workflow_id", .uuid(rerun.id))]), status: 202)
        },
        .post("/workflow/{id}/cancel", "cancelWorkflow") { world, context throws(APIError) in
            world.cancelWorkflow(try world.requireWorkflow(id: context.parameter("id")))
            return .message("Accepted.", status: 202)
        },
        .post("/workflow/{id}/approve/{approval_request_id}", "approvePendingApprovalJobById") {
            world, context throws(APIError) in
            let workflow = try world.requireWorkflow(id: context.parameter("id"))
            let request = try World.uuid(context.parameter("approval_request_id"), entity: "Approval request")
            try world.approve(workflow: workflow, requestID: request)
            return .message("Accepted.", status: 202)
        },
        .post("/jobs/{job-id}/cancel", "cancelJobByJobID") { world, context throws(APIError) in
            try world.cancelJob(try world.requireJob(id: context.parameter("job-id")))
            return .message("Job cancelled successfully.", status: 200)
        },
        .post("/project/{project-slug}/job/{job-number}/cancel", "cancelJobByJobNumber") {
            world, context throws(APIError) in
            let project = try world.requireProject(context)
            try world.cancelJob(try world.requireJob(project: project, number: context.parameter("job-number")))
            return .message("Job cancelled successfully.", status: 200)
        },
    ]

    private static func trigger(_ world: inout World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let project = try world.requireProject(context)
        let body = try context.jsonBody()
        if let body, body.objectMembers == nil, body != .null {
            throw .badRequest("Unexpected request body provided.")
        }
        func text(_ key: String) throws(APIError) -> String? {
            guard let value = body?[key], value != .null else { return nil }
            guard let string = value.stringValue else { throw .badRequest("\(key) must be a string.") }
            return string
        }
        var parameters: [PipelineParameter] = []
        for (name, value) in body?["parameters"]?.objectMembers ?? [] {
            switch value {
            case let .string(text): parameters.append(PipelineParameter(name: name, value: .string(text)))
            case let .int(number): parameters.append(PipelineParameter(name: name, value: .int(number)))
            case let .bool(flag): parameters.append(PipelineParameter(name: name, value: .bool(flag)))
            default: throw .badRequest("Pipeline parameter \(name) must be a string, integer or boolean.")
            }
        }
        let pipeline = try world.triggerPipeline(project: project, branch: try text("branch"), tag: try text("tag"),
                                                 parameters: parameters)
        return .json(pipeline.creationJSON, status: 201)
    }
}

extension JSON {
    /// The members when this is an object.
    var objectMembers: [(String, JSON)]? {
        if case let .object(members) = self { return members }
        return nil
    }
}
