import CQ
import CircleCI

/// Stages that follow a row to the things it contains: `workflows`, `jobs`,
/// `details`, `tests`, `artifacts`, `config`, `logs`.
struct FanOutBuiltins {
    let session: APISession
    var factory: RecordFactory { RecordFactory(session: session) }

    var all: [Builtin] {
        [workflows, jobs, details, tests, artifacts, config, logs]
    }

    private var workflows: Builtin {
        Builtin(
            "workflows", kind: .fanOut,
            parameters: [
                Parameter(
                    "latest", .bool, required: false, labelled: true,
                    summary: "only the latest run of each workflow: a rerun replaces the run it repeats, as in the web app")
            ],
            summary: "The workflows of each pipeline, reruns included.",
            examples: [
                "pipelines(\"gh/acme/api\") | take 5 | workflows | select pipeline_number, name, status",
                "pipelines(\"gh/acme/api\") | take 10 | workflows(latest: true) | where status == \"failed\"",
            ],
            inputTypes: ["Pipeline"], result: .fixed(.list(.record(CircleCISchemas.workflow))), effect: .readsAPI,
            endpoints: [APIEndpoints.workflowsOfPipeline],
            implementation: .fanOut { row, invocation in
                let workflows = try await Workflows(session: session).of(
                    pipeline: try record(row, invocation), context: invocation.context)
                guard try invocation.bool("latest") == true else { return .value(.list(workflows)) }
                return .value(.list(PipelineOutcome.latestRuns(workflows).map(Value.record)))
            })
    }

    private var jobs: Builtin {
        fanOut(
            "jobs", from: ["Pipeline", "Workflow"], returns: .list(.record(CircleCISchemas.job)),
            summary: "The jobs of each pipeline (all its workflows) or workflow.",
            examples: ["pipelines(\"gh/acme/api\") | where state == \"failed\" | jobs | where status == \"failed\""],
            endpoints: [APIEndpoints.workflowsOfPipeline.when(.input("Pipeline")), APIEndpoints.jobsOfWorkflow]
        ) { row, invocation in
            let input = try record(row, invocation)
            let workflows: [Value] = input.typeName == "Pipeline"
                ? try await Workflows(session: session).of(pipeline: input, context: invocation.context)
                : [row]
            let factory = self.factory
            let client = session.client
            // The jobs of every workflow are requested at once, in order.
            let context = invocation.context
            return .stream(ValueStream(workflows).flatMapConcurrently(window: context.options.readAhead, tasks: context.tasks) {
                workflow in
                guard case .record(let workflowRecord) = workflow, let id = workflowRecord["id"]?.stringValue else {
                    return ValueStream([])
                }
                return APIErrors.stream(client.jobs(workflowID: id)) { try factory.job($0, in: workflowRecord) }
            })
        }
    }

    private var details: Builtin {
        fanOut(
            "details", from: ["Job"], returns: .list(.record(CircleCISchemas.jobDetails)),
            summary: "The full details of each build job (executor, parallelism, timings); approval jobs have none.",
            examples: [
                #"pipelines("gh/acme/api") | take 5 | jobs | where status == "failed" | details | select name, executor.resource_class"#
            ],
            endpoints: [APIEndpoints.jobDetailsOfJob]
        ) { row, invocation in
            guard let (project, number) = try jobReference(row, invocation) else { return .value(.list([])) }
            let model = try await APIErrors.mapping { try await session.client.jobDetails(project: project, number: number) }
            return .value(try factory.jobDetails(model))
        }
    }

    private var tests: Builtin {
        fanOut(
            "tests", from: ["Job", "JobDetails"], returns: .list(.record(CircleCISchemas.testResult)),
            summary: "The test results each job uploaded.",
            examples: [
                #"pipelines("gh/acme/api") | take 10 | jobs | tests | where result == "failure" | select name, classname, job_name"#
            ],
            endpoints: [APIEndpoints.testsOfJob]
        ) { row, invocation in
            guard let (project, number) = try jobReference(row, invocation) else { return .value(.list([])) }
            let name = row.recordValue?["name"]?.stringValue
            let factory = self.factory
            let tests = session.client.tests(project: project, jobNumber: number)
            return .stream(APIErrors.stream(tests, hint: cacheHint(row)) {
                try factory.jobItem($0, CircleCISchemas.testResult, jobNumber: number, jobName: name)
            })
        }
    }

    private var artifacts: Builtin {
        fanOut(
            "artifacts", from: ["Job", "JobDetails"], returns: .list(.record(CircleCISchemas.artifact)),
            summary: "The artifacts each job stored.",
            examples: [#"job("gh/acme/api", 20585) | artifacts | select path, url"#],
            endpoints: [APIEndpoints.artifactsOfJob]
        ) { row, invocation in
            guard let (project, number) = try jobReference(row, invocation) else { return .value(.list([])) }
            let name = row.recordValue?["name"]?.stringValue
            let factory = self.factory
            let artifacts = session.client.artifacts(project: project, jobNumber: number)
            return .stream(APIErrors.stream(artifacts, hint: cacheHint(row)) {
                try factory.jobItem($0, CircleCISchemas.artifact, jobNumber: number, jobName: name)
            })
        }
    }

    private var config: Builtin {
        fanOut(
            "config", from: ["Pipeline"], returns: .list(.record(APISchemas.pipelineConfig)),
            summary: "The configuration each pipeline ran with (source and compiled YAML).",
            examples: ["pipeline(\"gh/acme/api\", 1230) | config | map compiled"],
            endpoints: [APIEndpoints.configOfPipeline]
        ) { row, invocation in
            guard let id = try record(row, invocation)["id"]?.stringValue else { return .value(.null) }
            let model = try await APIErrors.mapping { try await session.client.pipelineConfig(pipelineID: id) }
            return .value(try factory.record(model, APISchemas.pipelineConfig))
        }
    }

    private var logs: Builtin {
        Builtin(
            "logs", kind: .fanOut,
            parameters: [
                Parameter("step", .string, required: false, labelled: true, summary: "only steps whose name contains this"),
                Parameter("failed", .bool, required: false, labelled: true, summary: "only steps that failed"),
            ],
            summary: "The step output of each job (API v1.1; one request per job and one per step read).",
            details: "Output comes from presigned URLs on another host; cq fetches them without your token.",
            examples: ["job(\"gh/acme/api\", 20585) | logs(failed: true) | map output"],
            inputTypes: ["Job", "JobDetails"], result: .fixed(.list(.record(CircleCISchemas.stepLog))), effect: .readsAPI,
            endpoints: [APIEndpoints.stepsOfJob, APIEndpoints.stepOutput],
            implementation: .fanOut { row, invocation in
                guard let (project, number) = try jobReference(row, invocation) else { return .value(.list([])) }
                let filter = try invocation.string("step")
                let failedOnly = try invocation.bool("failed") ?? false
                let client = session.client
                let hint = cacheHint(row)
                let steps = try await APIErrors.mapping { try await client.jobSteps(project: project, jobNumber: number) }
                let actions = steps.flatMap { step in step.actions.map { (step.name, $0) } }.filter { name, action in
                    (filter.map { name.contains($0) } ?? true) && (!failedOnly || action.failed == true)
                }
                let context = invocation.context
                let indices = ValueStream(actions.indices.map { Value.int($0) })
                return .stream(indices.mapConcurrently(window: context.options.readAhead, tasks: context.tasks) { index in
                    guard let position = index.intValue else { return .null }
                    let (name, action) = actions[position]
                    let output = try await APIErrors.mapping {
                        try await CacheHint.$current.withValue(hint) { try await client.stepOutput(action) }
                    }
                    return .record(
                        [
                            ("job_number", .int(number)), ("step", .int(action.step)), ("index", .int(action.index)),
                            ("name", .string(name)), ("status", .string(action.status)),
                            ("exit_code", action.exitCode.map(Value.int) ?? .null),
                            ("start_time", action.startTime.map(Value.timestamp) ?? .null),
                            ("end_time", action.endTime.map(Value.timestamp) ?? .null),
                            ("run_time_millis", action.runTimeMillis.map(Value.int) ?? .null),
                            ("output", .string(output.map(\.message).joined())),
                        ], typeName: "StepLog")
                })
            })
    }

    /// A fan-out stage over records of the given types.
    private func fanOut(
        _ name: String, from inputTypes: [String], returns type: ValueType, summary: String, examples: [String],
        endpoints: [Endpoint], _ body: @escaping @Sendable (Value, Invocation) async throws -> PipelineData
    ) -> Builtin {
        Builtin(
            name, kind: .fanOut, summary: summary, examples: examples, inputTypes: inputTypes, result: .fixed(type),
            effect: .readsAPI, endpoints: endpoints, implementation: .fanOut(body))
    }

    private func record(_ row: Value, _ invocation: Invocation) throws -> Record {
        guard case .record(let record) = row else {
            throw BuiltinError("\(invocation.name) needs records, not \(row.kindDescription)")
        }
        return record
    }

    /// ``CacheHint/settled`` for a job that has finished: what is read about
    /// it (tests, artifacts, step output) can no longer change.
    private func cacheHint(_ row: Value) -> CacheHint {
        guard let status = row.recordValue?["status"]?.stringValue else { return .unknown }
        return JobStatus(rawValue: status).isFinished ? .settled : .unknown
    }

    /// The project and job number of a Job or JobDetails row; `nil` for
    /// approval jobs and jobs without a number, which have no details.
    private func jobReference(_ row: Value, _ invocation: Invocation) throws -> (ProjectSlug, Int)? {
        let job = try record(row, invocation)
        if job["type"]?.stringValue == "approval" { return nil }
        let slug = job["project_slug"]?.stringValue ?? job["project"]?.recordValue?["slug"]?.stringValue
        guard let slug, let number = job["job_number"]?.intValue ?? job["number"]?.intValue else { return nil }
        do {
            return (try ProjectSlug(slug), number)
        } catch {
            throw BuiltinError("\(error)")
        }
    }
}
