import Foundation

/// API v1.1: the single-job endpoint, for its `steps[].actions[]`.
enum V1Endpoints {
    static let routes: [Route] = [
        .get("/project/{project-slug}/{build_num}", "getBuildV1") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            let job = try world.requireJob(project: project, number: context.parameter("build_num"))
            guard job.type == .build else { throw .notFound("Build") }
            return .json(build(job, project: project, world: world, outputBase: context.rendering.outputBaseURL))
        },
    ]

    static func build(_ job: Job, project: Project, world: World, outputBase: String) -> JSON {
        let pipeline = world.pipelines[job.pipelineID]
        let workflow = world.workflows[job.workflowID]
        let organization = world.organization(project.organizationID)
        let actor = pipeline.flatMap { world.user($0.actorID) }
        let language = world.blueprint(of: project)?.language ?? .go
        let lifecycle: String = switch job.status {
        case .running: "running"
        case .queued: "queued"
        case .notRun, .blocked: "not_run"
        default: "finished"
        }
        let outcome: JSON = job.status.isTerminal && job.status != .notRun ? .string(job.status.rawValue) : .null
        let steps = StepPlan.actions(for: job, language: language, projectName: project.name, now: world.now)
        return .object([
            ("build_num", .int(job.number ?? 0)),
            ("build_url", .string(job.webURL(in: world))),
            ("job_name", .string(job.name)),
            ("username", .string(organization?.name ?? "")),
            ("reponame", .string(project.name)),
            ("vcs_url", .string(project.vcsURL)),
            ("vcs_revision", .string(pipeline?.vcs.revision)),
            ("branch", .string(pipeline?.vcs.branch)),
            ("vcs_tag", .string(pipeline?.vcs.tag)),
            ("subject", .string(pipeline?.vcs.subject)),
            ("body", .string(pipeline?.vcs.body)),
            ("why", .string(pipeline?.triggerSource)),
            ("status", .string(job.status.rawValue)),
            ("lifecycle", .string(lifecycle)),
            ("outcome", outcome),
            ("failed", job.status.isTerminal ? .bool(job.status.isFailure) : .null),
            ("canceled", .bool(job.status == .canceled)),
            ("timedout", .bool(job.status == .timedout)),
            ("infrastructure_fail", .bool(job.status == .infrastructureFail)),
            ("queued_at", .date(job.queuedAt)),
            ("start_time", .date(job.startedAt)),
            ("stop_time", .date(job.stoppedAt)),
            ("build_time_millis", .int(job.durationMillis)),
            ("parallel", .int(job.parallelism)),
            ("platform", .string("2.0")),
            ("user", .object([("login", .string(actor?.login ?? "")), ("name", .string(actor?.name)),
                              ("is_user", .bool(true)), ("avatar_url", .string(actor?.avatarURL))])),
            ("workflows", .object([
                ("job_name", .string(job.name)),
                ("job_id", .uuid(job.id)),
                ("workflow_id", .uuid(job.workflowID)),
                ("workflow_name", .string(workflow?.name ?? "")),
                ("upstream_job_ids", .array(job.dependencies.map { .uuid($0) })),
                ("workspace_id", .uuid(job.workflowID)),
            ])),
            ("picard", .object([
                ("executor", .string(job.executor.type)),
                ("resource_class", .object([("class", .string(job.executor.resourceClass))])),
                ("build_agent", .object([("image", .string(JobCommands.image(for: language)))])),
            ])),
            ("messages", .array([])),
            ("steps", .array(steps.map { actions in
                .object([("name", .string(actions.first?.name ?? "")),
                         ("actions", .array(actions.map { actionJSON($0, job: job, outputBase: outputBase, signedAt: world.now) }))])
            })),
        ])
    }

    /// One action; its output URL is signed at `signedAt`, as S3 presigns when the API answers.
    private static func actionJSON(_ action: StepAction, job: Job, outputBase: String, signedAt: Date) -> JSON {
        let failed: JSON = switch action.status {
        case "failed", "infrastructure_fail": .bool(true)
        case "timedout", "running": .null
        default: .bool(false)
        }
        return .object([
            ("index", .int(action.node)),
            ("step", .int(action.step)),
            ("name", .string(action.name)),
            ("type", .string(action.type)),
            ("status", .string(action.status)),
            ("failed", failed),
            ("exit_code", .int(action.exitCode)),
            ("has_output", .bool(!action.output.isEmpty)),
            ("output_url", .string(action.output.isEmpty ? nil : StepOutput.presignedURL(
                base: outputBase, jobID: job.id, step: action.step, node: action.node, date: signedAt))),
            ("start_time", .date(action.startTime)),
            ("end_time", .date(action.endTime)),
            ("run_time_millis", .int(action.runTimeMillis)),
            ("bash_command", .string(action.command)),
            ("background", .bool(false)),
            ("parallel", .bool(job.parallelism > 1)),
            ("timedout", action.status == "timedout" ? .bool(true) : .null),
            ("infrastructure_fail", action.status == "infrastructure_fail" ? .bool(true) : .null),
            ("canceled", action.status == "canceled" ? .bool(true) : .null),
            ("continue", .null),
            ("truncated", .bool(false)),
            ("messages", .array([])),
        ])
    }
}

/// The presigned output host: serves step logs with no credentials.
enum OutputEndpoints {
    static let routes: [Route] = [
        .get("/output/job/{job-id}/step/{step}/node/{node}", "getStepOutput") { world, context throws(APIError) in
            guard let jobID = UUID(uuidString: context.parameter("job-id")),
                  let step = Int(context.parameter("step")), let node = Int(context.parameter("node"))
            else { throw APIError(status: 404, message: "Not found") }
            let path = StepOutput.path(jobID: jobID, step: step, node: node)
            guard context.queryValue("X-Amz-Signature") == StepOutput.signature(for: path) else {
                return SimulatorResponse(
                    status: 403, headers: [("Content-Type", "application/xml")],
                    body: Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code>"
                                + "<Message>The request signature we calculated does not match the signature you provided."
                                + "</Message></Error>").utf8))
            }
            guard let job = world.jobs[jobID] else { throw .notFound("Job") }
            guard let project = world.project(id: job.projectID) else { throw .notFound("Job") }
            let language = world.blueprint(of: project)?.language ?? .go
            let action = StepPlan.actions(for: job, language: language, projectName: project.name, now: world.now)
                .flatMap { $0 }
                .first { $0.step == step && $0.node == node }
            guard let action, !action.output.isEmpty else { throw .notFound("Output") }
            let message = action.output.joined(separator: "\r\n") + "\r\n"
            return .json(.array([.object([
                ("message", .string(message)),
                ("time", .date(action.startTime)),
                ("truncated", .bool(false)),
                ("type", .string("out")),
            ])]))
        },
    ]
}
