import Foundation

extension Job {
    /// An item of `GET /workflow/{id}/job`. `started_at` is null until the
    /// job starts, as the real API sends (the spec says it is never null).
    func workflowItemJSON(in world: World) -> JSON {
        var members: [(String, JSON)] = []
        if let canceledBy { members.append(("canceled_by", .uuid(canceledBy))) }
        members.append(("dependencies", .array(dependencies.map { .uuid($0) })))
        if let number { members.append(("job_number", .int(number))) }
        members += [
            ("id", .uuid(id)),
            ("started_at", .date(startedAt)),
            ("name", .string(name)),
        ]
        if let approvedBy { members.append(("approved_by", .uuid(approvedBy))) }
        members += [
            ("project_slug", .string(world.project(id: projectID)?.slug ?? "")),
            ("status", .string(status.rawValue)),
            ("type", .string(type.rawValue)),
            ("stopped_at", .date(stoppedAt)),
        ]
        if let approvalRequestID { members.append(("approval_request_id", .uuid(approvalRequestID))) }
        return .object(members)
    }

    /// `GET /jobs/{job_id}`.
    var byIDJSON: JSON {
        var members: [(String, JSON)] = [("id", .uuid(id)), ("name", .string(name))]
        if let number { members.append(("job_number", .int(number))) }
        members += [
            ("type", .string(type.rawValue)),
            ("status", .string(status.rawValue)),
            ("project_id", .uuid(projectID)),
            ("pipeline_id", .uuid(pipelineID)),
            ("workflow_id", .uuid(workflowID)),
        ]
        if let startedAt { members.append(("started_at", .date(startedAt))) }
        if let stoppedAt { members.append(("stopped_at", .date(stoppedAt))) }
        return .object(members)
    }

    /// The app URL of this job.
    func webURL(in world: World) -> String {
        guard let project = world.project(id: projectID), let pipeline = world.pipelines[pipelineID] else { return "" }
        let parts = project.slug.split(separator: "/").map(String.init)
        let vcs = project.vcsType == .circleci ? "circleci" : project.vcsType.longName
        return "https://app.circleci.com/pipelines/\(vcs)/\(parts.dropFirst().joined(separator: "/"))"
            + "/\(pipeline.number)/workflows/\(workflowID.lowercasedString)/jobs/\(number ?? 0)"
    }

    /// The status of each parallel node.
    var parallelRunStatuses: [String] {
        (0..<parallelism).map { node in
            switch status {
            case .failed, .timedout, .infrastructureFail:
                node == (failedNode ?? 0) ? status.rawValue : "success"
            default:
                status.rawValue
            }
        }
    }

    /// `GET /project/{slug}/job/{number}` (2025 spec).
    func detailsJSON(in world: World) -> JSON {
        let project = world.project(id: projectID)
        let organization = project.flatMap { world.organization($0.organizationID) }
        let workflowName = world.workflows[workflowID]?.name ?? ""
        return .object([
            ("web_url", .string(webURL(in: world))),
            ("project", .object([
                ("id", .uuid(projectID)),
                ("slug", .string(project?.slug ?? "")),
                ("name", .string(project?.name ?? "")),
                ("external_url", .string(project?.vcsURL ?? "")),
            ])),
            ("parallel_runs", .array(parallelRunStatuses.enumerated().map {
                .object([("index", .int($0.offset)), ("status", .string($0.element))])
            })),
            ("started_at", .date(startedAt)),
            ("latest_workflow", .object([("id", .uuid(workflowID)), ("name", .string(workflowName))])),
            ("name", .string(name)),
            ("executor", .object([("resource_class", .string(executor.resourceClass)),
                                  ("type", .string(executor.type))])),
            ("parallelism", .int(parallelism)),
            ("status", .string(status.rawValue)),
            ("number", .int(number ?? 0)),
            ("pipeline", .object([("id", .uuid(pipelineID))])),
            ("duration", .int(durationMillis)),
            ("created_at", .date(createdAt)),
            ("messages", .array([])),
            ("contexts", .array(contexts.map { .object([("name", .string($0))]) })),
            ("organization", .object([("name", .string(organization?.name ?? ""))])),
            ("queued_at", .date(queuedAt ?? createdAt)),
            ("stopped_at", .date(stoppedAt)),
        ])
    }
}

extension TestResult {
    var json: JSON {
        .object([
            ("message", .string(message)),
            ("source", .string(source)),
            ("run_time", .double(runTime)),
            ("file", .string(file)),
            ("result", .string(result)),
            ("name", .string(name)),
            ("classname", .string(classname)),
        ])
    }
}

extension Artifact {
    func json(jobID: UUID) -> JSON {
        .object([
            ("path", .string(path)),
            ("node_index", .int(nodeIndex)),
            ("url", .string("https://output.circle-artifacts.com/output/job/\(jobID.lowercasedString)"
                            + "/artifacts/\(nodeIndex)/\(path)")),
        ])
    }
}
