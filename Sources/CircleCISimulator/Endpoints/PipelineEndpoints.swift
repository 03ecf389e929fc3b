import Foundation

/// Pipeline reads: lists, point lookups, config and values.
enum PipelineEndpoints {
    static let routes: [Route] = [
        .get("/pipeline", "listPipelines", listPipelines),
        .get("/pipeline/{pipeline-id}", "getPipelineById") { world, context throws(APIError) in
            .json(try world.requirePipeline(id: context.parameter("pipeline-id")).json(in: world))
        },
        .get("/pipeline/{pipeline-id}/config", "getPipelineConfigById", config),
        .get("/pipeline/{pipeline-id}/workflow", "listWorkflowsByPipelineId") { world, context throws(APIError) in
            let pipeline = try world.requirePipeline(id: context.parameter("pipeline-id"))
            return try Pagination.response(world.workflows(of: pipeline), list: "workflows/\(pipeline.id)",
                                           context: context, key: \.id.lowercasedString) { $0.json(in: world) }
        },
        .get("/pipeline/{pipeline-id}/values", "getPipelineValuesById", values),
        .get("/project/{project-slug}/pipeline", "listPipelinesForProject") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            let branch = context.queryValue("branch")
            let pipelines = world.pipelines(of: project).filter { branch == nil || $0.vcs.branch == branch }
            return try Pagination.response(pipelines, list: "pipelines/\(project.id)/\(branch ?? "")",
                                           context: context, key: \.id.lowercasedString) { $0.json(in: world) }
        },
        .get("/project/{project-slug}/pipeline/mine", "listMyPipelines") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            let mine = world.pipelines(of: project).filter { $0.actorID == world.currentUserID }
            return try Pagination.response(mine, list: "mine/\(project.id)", context: context,
                                           key: \.id.lowercasedString) { $0.json(in: world) }
        },
        .get("/project/{project-slug}/pipeline/{pipeline-number}", "getPipelineByNumber") {
            world, context throws(APIError) in
            let project = try world.requireProject(context)
            guard let number = Int(context.parameter("pipeline-number")),
                  let pipeline = world.pipelines(of: project).first(where: { $0.number == number })
            else { throw .notFound("Pipeline") }
            return .json(pipeline.json(in: world))
        },
    ]

    private static func listPipelines(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        var projects = world.projects
        if let slug = context.queryValue("org-slug") {
            guard let organization = world.organization(slugOrID: slug) else { throw .notFound("Organization") }
            projects = projects.filter { $0.organizationID == organization.id }
        }
        let mine = try context.boolQuery("mine") ?? false
        let pipelines = projects.flatMap { world.pipelines(of: $0) }
            .filter { !mine || $0.actorID == world.currentUserID }
            .sorted { ($0.createdAt, $0.id.uuidString) > ($1.createdAt, $1.id.uuidString) }
        let list = "all/\(context.queryValue("org-slug") ?? "")/\(mine)"
        return try Pagination.response(pipelines, list: list, context: context,
                                       key: \.id.lowercasedString) { $0.json(in: world) }
    }

    private static func config(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let pipeline = try world.requirePipeline(id: context.parameter("pipeline-id"))
        guard let project = world.project(id: pipeline.projectID), let blueprint = world.blueprint(of: project)
        else { throw .notFound("Pipeline") }
        return .json(.object([
            ("source", .string(PipelineConfig.source(for: blueprint))),
            ("compiled", .string(PipelineConfig.compiled(for: blueprint))),
        ]))
    }

    private static func values(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let pipeline = try world.requirePipeline(id: context.parameter("pipeline-id"))
        guard let project = world.project(id: pipeline.projectID) else { throw .notFound("Pipeline") }
        var members: [(String, JSON)] = [
            ("pipeline.id", .uuid(pipeline.id)),
            ("pipeline.number", .int(pipeline.number)),
            ("pipeline.project.git_url", .string(project.vcsURL)),
            ("pipeline.project.type", .string(project.vcsType == .circleci ? "gitlab" : project.vcsType.longName)),
            ("pipeline.git.branch", .string(pipeline.vcs.branch ?? "")),
            ("pipeline.git.tag", .string(pipeline.vcs.tag ?? "")),
            ("pipeline.git.revision", .string(pipeline.vcs.revision)),
            ("pipeline.git.base_revision", .string(pipeline.vcs.revision)),
            ("pipeline.trigger_source", .string(pipeline.triggerSource)),
            ("pipeline.in_setup", .bool(false)),
        ]
        if let schedule = pipeline.scheduleName { members.append(("pipeline.schedule.name", .string(schedule))) }
        for parameter in pipeline.parameters {
            members.append(("pipeline.parameters.\(parameter.name)", parameter.value.json))
        }
        return .json(.object(members))
    }
}

extension Pipeline {
    /// `pipeline.trigger_source` as the config sees it.
    var triggerSource: String {
        switch triggerType {
        case .webhook: "webhook"
        case .api: "api"
        case .explicit: "explicit"
        case .scheduledPipeline: "scheduled_pipeline"
        }
    }
}
