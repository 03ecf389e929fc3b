import CQ
import CircleCI

/// Sources of pipelines, workflows and jobs, and the pipeline `state` outcome.
struct PipelineBuiltins {
    let session: APISession
    var factory: RecordFactory { RecordFactory(session: session) }

    private static let pipelineList = ValueType.list(.record(CircleCISchemas.pipeline))

    var all: [Builtin] {
        [pipelines, orgPipelines, pipeline, workflow, job]
    }

    private var pipelines: Builtin {
        Builtin(
            "pipelines",
            kind: .source,
            parameters: [
                Parameter("project", .string, required: false, summary: "a slug such as gh/acme/api (default: `:use`)"),
                Parameter("branch", .string, required: false, labelled: true, summary: "only this branch (sent to the API)"),
                Parameter("mine", .bool, required: false, labelled: true, summary: "only pipelines you triggered"),
            ],
            summary: "A project's pipelines, newest first, fetched page by page as needed.",
            details: "Each pipeline's `state` is its outcome (failed, running, success, …), derived from its workflows "
                + "when used; the API's own value is `api_state`.",
            examples: [
                "pipelines(\"gh/acme/api\") | where state == \"failed\" | jobs",
                "pipelines(\"gh/acme/api\", branch: \"main\") | take 5",
            ],
            result: .fixed(Self.pipelineList), effect: .readsAPI,
            endpoints: [APIEndpoints.listMyPipelines, APIEndpoints.listPipelinesForProject],
            implementation: .function { invocation in
                let project = try invocation.project(session: session)
                let client = session.client
                let list = try invocation.bool("mine") == true
                    ? client.myPipelines(project: project)
                    : client.pipelines(project: project, branch: try invocation.string("branch"))
                let factory = self.factory
                return .stream(APIErrors.stream(list) { try factory.pipeline($0) })
            })
    }

    private var orgPipelines: Builtin {
        Builtin(
            "org_pipelines",
            kind: .source,
            parameters: [
                Parameter("org", .string, summary: "an org slug such as gh/acme"),
                Parameter("mine", .bool, required: false, labelled: true, summary: "only pipelines you triggered"),
            ],
            summary: "Pipelines of the most recently built projects you follow in an organisation (at most 250 projects).",
            examples: ["org_pipelines(\"gh/acme\") | take 10"],
            result: .fixed(Self.pipelineList), effect: .readsAPI, endpoints: [APIEndpoints.listPipelines],
            implementation: .function { invocation in
                let list = session.client.orgPipelines(
                    orgSlug: try invocation.requiredString("org"), mine: try invocation.bool("mine"))
                let factory = self.factory
                return .stream(APIErrors.stream(list) { try factory.pipeline($0) })
            })
    }

    private var pipeline: Builtin {
        Builtin(
            "pipeline",
            kind: .source,
            parameters: [
                Parameter("id_or_project", .string, summary: "a pipeline id, or a project slug followed by a number"),
                Parameter("number", .int, required: false, summary: "the pipeline number within the project"),
            ],
            summary: "One pipeline, by id or by project and number.",
            examples: [
                #"pipeline("gh/acme/api", 1230) | workflows"#, #"let id = (pipelines("gh/acme/api") | first).id; pipeline(id)"#,
            ],
            result: .fixed(.record(CircleCISchemas.pipeline)), effect: .readsAPI,
            endpoints: [APIEndpoints.getPipelineByNumber, APIEndpoints.getPipelineById],
            implementation: .function { invocation in
                let first = try invocation.requiredString("id_or_project")
                let client = session.client
                let model = try await APIErrors.mapping {
                    if let number = try invocation.int("number") {
                        return try await client.pipeline(project: try ProjectSlug(first), number: number)
                    }
                    return try await client.pipeline(id: first)
                }
                return .value(try factory.pipeline(model))
            })
    }

    private var workflow: Builtin {
        Builtin(
            "workflow", kind: .source, parameters: [Parameter("id", .string, summary: "a workflow id")],
            summary: "One workflow by id.",
            examples: [#"let id = (pipelines("gh/acme/api") | first | workflows | first).id; workflow(id) | jobs"#],
            result: .fixed(.record(CircleCISchemas.workflow)), effect: .readsAPI, endpoints: [APIEndpoints.getWorkflowById],
            implementation: .function { invocation in
                let id = try invocation.requiredString("id")
                let model = try await APIErrors.mapping { try await session.client.workflow(id: id) }
                return .value(try factory.workflow(model))
            })
    }

    private var job: Builtin {
        Builtin(
            "job", kind: .source,
            parameters: [
                Parameter("project", .string, summary: "a project slug"),
                Parameter("number", .int, summary: "the job number"),
            ],
            summary: "A job's details by project and job number.",
            examples: [#"job("gh/acme/api", 20585) | tests"#],
            result: .fixed(.record(CircleCISchemas.jobDetails)), effect: .readsAPI, endpoints: [APIEndpoints.getJobDetails],
            implementation: .function { invocation in
                let project = try invocation.project(session: session)
                guard let number = try invocation.int("number") else { throw BuiltinError("job needs a job number") }
                let model = try await APIErrors.mapping { try await session.client.jobDetails(project: project, number: number) }
                return .value(try factory.jobDetails(model))
            })
    }

    /// The pipeline's outcome, from its workflows; one request, remembered.
    var state: DerivedField {
        let field = CircleCISchemas.pipeline.field("state") ?? RecordSchema.Field("state", .string)
        return DerivedField(typeName: "Pipeline", field: field, endpoints: [APIEndpoints.workflowsOfPipeline]) {
            record, context in
            let apiState = record["api_state"]?.stringValue
            if let apiState, apiState != "created" { return .string(apiState) }
            let workflows = try await Workflows(session: session).of(pipeline: record, context: context)
            return .string(PipelineOutcome.outcome(apiState: apiState, workflows: workflows))
        }
    }
}

/// The workflows of a pipeline, fetched once per evaluation and shared by
/// `state`, `workflows` and `jobs`.
struct Workflows: Sendable {
    let session: APISession

    func of(pipeline: Record, context: EvaluationContext) async throws -> [Value] {
        guard let id = pipeline["id"]?.stringValue else {
            throw BuiltinError("this record has no pipeline `id`")
        }
        let factory = RecordFactory(session: session)
        let client = session.client
        let list = try await context.memo.value(for: "workflows:\(id)") {
            let workflows = try await APIErrors.mapping { try await client.workflows(pipelineID: id).collect() }
            return .list(try workflows.map { try factory.workflow($0) })
        }
        return list.listValue ?? []
    }
}
