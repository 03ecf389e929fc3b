import CQ
import CircleCI

/// Builtins that change CircleCI state. They run only when writes are allowed
/// (`cq --allow-writes`, or ``EngineOptions/allowWrites``); otherwise the
/// checker refuses the query before any request is made.
struct WriteBuiltins {
    let session: APISession
    var factory: RecordFactory { RecordFactory(session: session) }

    var all: [Builtin] { [trigger, rerun, cancel, approve] }

    private var trigger: Builtin {
        Builtin(
            "trigger", kind: .source,
            parameters: [
                Parameter("project", .string, required: false, summary: "a project slug (default: `:use`)"),
                Parameter("branch", .string, required: false, labelled: true),
                Parameter("tag", .string, required: false, labelled: true),
                Parameter("parameters", .record(RecordSchema(name: "", fields: [])), required: false, labelled: true,
                          summary: "pipeline parameters, e.g. {deploy: true}"),
            ],
            summary: "Triggers a pipeline on a branch or tag (a write).",
            examples: ["trigger(\"gh/acme/api\", branch: \"main\", parameters: {run_e2e: true})"],
            result: .fixed(.record(CircleCISchemas.pipelineCreation)), effect: .writesAPI,
            endpoints: [APIEndpoints.triggerPipeline],
            implementation: .function { invocation in
                let project = try invocation.project(session: session)
                let branch = try invocation.string("branch")
                let tag = try invocation.string("tag")
                if branch != nil, tag != nil { throw BuiltinError("trigger takes `branch:` or `tag:`, not both") }
                var parameters: [String: JSONValue]?
                if case .record(let record)? = invocation["parameters"] {
                    parameters = try record.fields.reduce(into: [:]) { result, entry in
                        result[entry.key] = try JSONValue(parameter: entry.value, name: entry.key)
                    }
                }
                let request =
                    if let branch { TriggerPipelineRequest(branch: branch, parameters: parameters) }
                    else if let tag { TriggerPipelineRequest(tag: tag, parameters: parameters) }
                    else { TriggerPipelineRequest(parameters: parameters) }
                let created = try await APIErrors.mapping { try await session.client.triggerPipeline(project: project, request) }
                guard case .record(var record) = try factory.record(created, CircleCISchemas.pipelineCreation) else {
                    return .value(.null)
                }
                record["url"] = session.webURL(project: project.description, pipelineNumber: record["number"]?.intValue)
                return .value(.record(record))
            })
    }

    private var rerun: Builtin {
        Builtin(
            "rerun", kind: .fanOut,
            parameters: [Parameter("from_failed", .bool, required: false, labelled: true, summary: "rerun only the failed jobs")],
            summary: "Reruns each workflow piped in (a write); returns the new workflow ids.",
            examples: ["pipelines(\"gh/acme/api\", branch: \"main\") | take 10 | workflows(latest: true) | where status == \"failed\" | rerun(from_failed: true)"],
            inputTypes: ["Workflow"], result: .fixed(.list(.record(CircleCISchemas.workflowRerun))), effect: .writesAPI,
            endpoints: [APIEndpoints.rerunWorkflow],
            implementation: .fanOut { row, invocation in
                let id = try identifier(row, invocation)
                let request: RerunWorkflowRequest = try invocation.bool("from_failed") == true ? .fromFailedJobs : .entireWorkflow
                let result = try await APIErrors.mapping { try await session.client.rerunWorkflow(id: id, request) }
                return .value(
                    .record([("workflow_id", .string(result.workflowID)), ("rerun_of", .string(id))], typeName: "WorkflowRerun"))
            })
    }

    private var cancel: Builtin {
        Builtin(
            "cancel", kind: .fanOut,
            summary: "Cancels each workflow or job piped in (a write).",
            examples: ["pipelines(\"gh/acme/api\") | workflows | where status == \"running\" | cancel"],
            inputTypes: ["Workflow", "Job", "JobDetails"], result: .fixed(.list(.record(CircleCISchemas.writeResult))),
            effect: .writesAPI, endpoints: APIEndpoints.cancel,
            implementation: .fanOut { row, invocation in
                let client = session.client
                let isJob = row.recordValue?.typeName == "Job" || row.recordValue?.typeName == "JobDetails"
                let id = try identifier(row, invocation)
                let response = try await APIErrors.mapping {
                    isJob ? try await client.cancelJob(id: id) : try await client.cancelWorkflow(id: id)
                }
                return .value(.record([("message", .string(response.message)), ("id", .string(id))], typeName: "WriteResult"))
            })
    }

    private var approve: Builtin {
        Builtin(
            "approve", kind: .fanOut,
            summary: "Approves each approval job piped in (a write).",
            examples: ["pipelines(\"gh/acme/api\") | jobs | where type == \"approval\" and status == \"on_hold\" | approve"],
            inputTypes: ["Job"], result: .fixed(.list(.record(CircleCISchemas.writeResult))), effect: .writesAPI,
            endpoints: [APIEndpoints.approve],
            implementation: .fanOut { row, invocation in
                guard let job = row.recordValue, job["type"]?.stringValue == "approval" else {
                    throw BuiltinError("approve needs approval jobs (type == \"approval\")")
                }
                guard let workflowID = job["workflow_id"]?.stringValue,
                    let requestID = job["approval_request_id"]?.stringValue ?? job["id"]?.stringValue
                else { throw BuiltinError("this job has no workflow_id or approval_request_id") }
                let response = try await APIErrors.mapping {
                    try await session.client.approveJob(workflowID: workflowID, approvalRequestID: requestID)
                }
                return .value(
                    .record([("message", .string(response.message)), ("id", .string(requestID))], typeName: "WriteResult"))
            })
    }

    /// The id of a workflow or job row, or the row itself when it is a string.
    private func identifier(_ row: Value, _ invocation: Invocation) throws -> String {
        if case .string(let id) = row { return id }
        guard let id = row.recordValue?["id"]?.stringValue else {
            throw BuiltinError("\(invocation.name) needs workflow or job records (or ids), not \(row.kindDescription)")
        }
        return id
    }
}

extension JSONValue {
    /// A pipeline parameter value: a string, integer, boolean or nested record.
    init(parameter value: Value, name: String) throws {
        switch value {
        case .string(let string): self = .string(string)
        case .int(let int): self = .integer(Int64(int))
        case .bool(let bool): self = .bool(bool)
        case .double(let double): self = .double(double)
        case .record(let record):
            self = .object(try record.fields.reduce(into: [:]) { $0[$1.key] = try JSONValue(parameter: $1.value, name: name) })
        default: throw BuiltinError("pipeline parameter `\(name)` must be a string, number, boolean or record")
        }
    }
}
