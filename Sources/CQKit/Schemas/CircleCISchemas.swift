import CQ

/// The record schemas the CircleCI builtins produce: the document's schemas
/// plus the fields cq derives, and the columns tables show by default.
enum CircleCISchemas {
    /// A pipeline's outcome, as the web app shows it (see ``PipelineOutcome``).
    static let pipelineOutcome: ValueType = .enumeration(PipelineOutcome.allValues)

    static let pipeline = derive(
        APISchemas.pipeline,
        replacing: "state",
        with: [
            .init(
                "state", pipelineOutcome, isDerived: true,
                summary: "The pipeline's outcome as the web app shows it, from the latest run of each workflow (a rerun "
                    + "replaces the run it repeats): failed if any failed or errored, else on_hold (even while another runs), running, canceled, success; "
                    + "errored, setup-pending, setup, pending and created pass through from api_state. Costs one request per "
                    + "pipeline, made only when used."),
            .init(
                "api_state", .enumeration(["created", "errored", "setup-pending", "setup", "pending"]), isDerived: true,
                summary: "The API's own pipeline `state`, which describes config processing only and never says failed."),
        ],
        adding: [url("pipeline")],
        tableColumns: [
            "number", "state", "vcs.branch", "trigger=trigger.type", "actor=trigger.actor.login", "created_at", "id",
        ])

    static let workflow = derive(
        APISchemas.workflow,
        adding: [duration("from created_at to stopped_at; null while running"), url("workflow")],
        tableColumns: ["pipeline_number", "name", "status", "created_at", "duration", "id"])

    static let job = derive(
        APISchemas.job,
        adding: [
            .init("workflow_id", .string, isDerived: true, summary: "The workflow the job belongs to."),
            .init("workflow_name", .string, isDerived: true, summary: "The name of that workflow."),
            .init("pipeline_number", .int, isDerived: true, summary: "The number of the job's pipeline."),
            approvalCaveat(
                duration("from started_at to stopped_at; null until both are known; for an approval job, the time it waited")
            ),
            url("job"),
        ],
        tableColumns: ["job_number", "name", "status", "type", "duration", "workflow_name", "pipeline_number"])

    static let jobDetails = derive(
        APISchemas.jobDetails,
        replacing: "duration",
        with: [.init("duration", .optional(.duration), summary: "How long the job ran (the API's milliseconds).")],
        tableColumns: ["number", "name", "status", "resource_class=executor.resource_class", "duration", "created_at"])

    static let testResult = derive(
        secondsAsDurations(APISchemas.testResult), adding: jobContext,
        tableColumns: ["result", "name", "classname", "run_time", "job_name", "job_number"])

    static let artifact = derive(APISchemas.artifact, adding: jobContext, tableColumns: ["job_number", "node_index", "path", "url"])

    static let workflowRun = derive(
        secondsAsDurations(APISchemas.workflowRun),
        adding: [.init("workflow", .string, isDerived: true, summary: "The name of the workflow these runs belong to.")],
        tableColumns: ["created_at", "workflow", "branch", "status", "duration", "credits_used", "id"])

    static let workflowMetrics = derive(
        secondsAsDurations(APISchemas.workflowMetrics),
        tableColumns: [
            "name", "runs=metrics.total_runs", "success_rate=metrics.success_rate",
            "median=metrics.duration_metrics.median", "p95=metrics.duration_metrics.p95", "window_end",
        ])

    static let jobMetrics = derive(
        secondsAsDurations(APISchemas.jobMetrics),
        tableColumns: [
            "name", "runs=metrics.total_runs", "failed=metrics.failed_runs", "success_rate=metrics.success_rate",
            "median=metrics.duration_metrics.median", "p95=metrics.duration_metrics.p95",
        ])

    /// The document leaves `created-at` untyped; CircleCI sends an ISO 8601 date.
    static let environmentVariable = APISchemas.environmentVariable.adding(
        .init("created-at", .optional(.timestamp), summary: "The creation timestamp of the environment variable."))

    static let jobTimeseries = secondsAsDurations(APISchemas.jobTimeseries)

    static let workflowSummary = secondsAsDurations(APISchemas.workflowSummary)

    static let testMetrics = secondsAsDurations(APISchemas.testMetrics)

    static let flakyTest: RecordSchema = {
        let list = APISchemas.flakyTests.field("flaky_tests")?.type.elementType?.recordSchema
        // The document gives workflow-created-at no date-time format; CircleCI sends ISO 8601.
        var schema = (list ?? RecordSchema(name: "FlakyTest", fields: [])).adding(
            .init("workflow_created_at", .timestamp, summary: "The date and time when workflow was created."))
        schema.name = "FlakyTest"
        schema.tableColumns = ["times_flaked", "test_name", "classname", "job_name", "workflow_name"]
        return schema
    }()

    static let stepLog = RecordSchema(
        name: "StepLog",
        fields: [
            .init("job_number", .int, summary: "The job the step belongs to."),
            .init("step", .int, summary: "The step's position in the job (v1.1 `step`)."),
            .init("index", .int, summary: "The parallel run (node) the output comes from (v1.1 `index`)."),
            .init("name", .string, summary: "The step's name."),
            .init("status", .string, summary: "The step's status (v1.1 `status`)."),
            .init("exit_code", .optional(.int), summary: "The step's exit code; null for timed-out or running steps."),
            .init("start_time", .optional(.timestamp), summary: "When the step started."),
            .init("end_time", .optional(.timestamp), summary: "When the step ended."),
            .init("run_time_millis", .optional(.int), summary: "How long the step ran, in milliseconds."),
            .init("output", .string, isDerived: true, summary: "The step's output, from its presigned output_url."),
        ],
        tableColumns: ["job_number", "step", "name", "status", "exit_code", "output"])

    /// What `trigger` returns: the new pipeline's id, number and config-processing state.
    static let pipelineCreation = derive(APISchemas.pipelineCreation, adding: [url("pipeline")], tableColumns: [])

    /// What `rerun` returns for each workflow.
    static let workflowRerun = derive(
        APISchemas.workflowRerun,
        adding: [.init("rerun_of", .string, isDerived: true, summary: "The id of the workflow that was rerun.")],
        tableColumns: ["rerun_of", "workflow_id"])

    /// What `cancel` and `approve` return for each workflow or job.
    static let writeResult: RecordSchema = {
        var schema = derive(
            APISchemas.messageResponse,
            adding: [.init("id", .string, isDerived: true, summary: "The workflow, job or approval request acted on.")],
            tableColumns: ["id", "message"])
        schema.name = "WriteResult"
        return schema
    }()

    /// Every schema the CircleCI builtins register.
    static let all: [RecordSchema] = [
        pipeline, workflow, job, jobDetails, testResult, artifact, workflowRun, workflowMetrics, jobMetrics, flakyTest,
        stepLog, APISchemas.pipelineConfig, APISchemas.project, APISchemas.user, APISchemas.collaboration,
        APISchemas.organization, environmentVariable, APISchemas.checkoutKey, APISchemas.schedule,
        APISchemas.context, APISchemas.contextEnvironmentVariable, APISchemas.contextRestriction, APISchemas.webhook,
        jobTimeseries, workflowSummary, testMetrics, APISchemas.insightsBranches,
        APISchemas.orgSummary, APISchemas.projectSummary, pipelineCreation, workflowRerun, writeResult,
    ]

    private static let jobContext: [RecordSchema.Field] = [
        .init("job_number", .int, isDerived: true, summary: "The number of the job this came from."),
        .init("job_name", .optional(.string), isDerived: true, summary: "The name of that job, when known."),
    ]

    private static func duration(_ detail: String) -> RecordSchema.Field {
        .init("duration", .optional(.duration), isDerived: true, summary: "How long it ran: \(detail).")
    }

    /// `field` with the warning that aggregating it over jobs should leave
    /// approval jobs out: their times measure waiting, not building.
    private static func approvalCaveat(_ field: RecordSchema.Field) -> RecordSchema.Field {
        var field = field
        field.aggregationCaveat = .init(
            discriminator: "type", filter: #"type == "build""#, rows: "approval jobs",
            reason: "an approval job's `\(field.name)` is the time it waited for someone to approve, not build time "
                + #"(`where type == "approval"` measures the waits alone)"#)
        return field
    }

    private static func url(_ what: String) -> RecordSchema.Field {
        .init("url", .optional(.string), isDerived: true, summary: "The \(what)'s page in the CircleCI web app.")
    }

    /// `schema` with every number the document gives in seconds (run, test
    /// and metric durations, `mttr`; summaries say "in seconds") typed as a
    /// duration, so tables show `4m 52s` and queries compare with `10m`.
    /// Fields whose name states the unit (`total_duration_secs`) stay numbers.
    static func secondsAsDurations(_ schema: RecordSchema) -> RecordSchema {
        var copy = schema
        copy.fields = schema.fields.map { field in
            var field = field
            field.type = secondsAsDurations(field.type, seconds: isSeconds(field))
            return field
        }
        return copy
    }

    private static func isSeconds(_ field: RecordSchema.Field) -> Bool {
        !field.name.hasSuffix("_secs") && field.summary.lowercased().contains("in seconds")
    }

    private static func secondsAsDurations(_ type: ValueType, seconds: Bool) -> ValueType {
        switch type {
        case .optional(let wrapped): .optional(secondsAsDurations(wrapped, seconds: seconds))
        case .int, .number: seconds ? .duration : type
        case .list(let element): .list(secondsAsDurations(element, seconds: false))
        case .record(let schema): .record(secondsAsDurations(schema))
        default: type
        }
    }

    private static func derive(
        _ base: RecordSchema, replacing replaced: String? = nil, with replacements: [RecordSchema.Field] = [],
        adding added: [RecordSchema.Field] = [], tableColumns: [String]
    ) -> RecordSchema {
        var fields: [RecordSchema.Field] = []
        for field in base.fields {
            if field.name == replaced { fields += replacements } else { fields.append(field) }
        }
        return RecordSchema(name: base.name, fields: fields + added, tableColumns: tableColumns)
    }
}

extension RecordSchema.Field {
    init(_ name: String, _ type: ValueType, isDerived: Bool, summary: String) {
        self.init(name, type, summary: summary, isDerived: isDerived)
    }
}
