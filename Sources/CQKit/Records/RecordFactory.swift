import CQ
import CircleCI
import Foundation

/// Turns client models into records that follow ``CircleCISchemas``, adding
/// the fields cq derives (`api_state`, `duration`, `url`, job context).
struct RecordFactory: Sendable {
    let session: APISession

    /// Any model, conformed to `schema`.
    func record(_ model: some Encodable, _ schema: RecordSchema) throws -> Value {
        RecordConformer.conform(try ValueEncoder().encode(model), to: schema, typeName: schema.name)
    }

    func pipeline(_ pipeline: Pipeline) throws -> Value {
        guard case .record(let encoded) = try ValueEncoder().encode(pipeline) else { return .null }
        var raw = encoded
        raw["api_state"] = raw["state"]
        raw["state"] = nil
        guard case .record(var record) = RecordConformer.conform(.record(raw), to: CircleCISchemas.pipeline, typeName: "Pipeline")
        else { return .null }
        record["api_state"] = raw["api_state"] ?? .null
        record["url"] = session.webURL(project: pipeline.projectSlug, pipelineNumber: Int(pipeline.number))
        return .record(reordered(record, CircleCISchemas.pipeline))
    }

    func workflow(_ workflow: Workflow) throws -> Value {
        guard case .record(var record) = try self.record(workflow, CircleCISchemas.workflow) else { return .null }
        record["duration"] = Self.duration(from: record["created_at"], to: record["stopped_at"])
        record["url"] = session.webURL(
            project: workflow.projectSlug, pipelineNumber: Int(workflow.pipelineNumber), workflowID: workflow.id)
        return .record(record)
    }

    /// A job's details, with the API's `duration` (milliseconds) as a duration.
    func jobDetails(_ details: JobDetails) throws -> Value {
        guard case .record(var encoded) = try ValueEncoder().encode(details) else { return .null }
        if let milliseconds = encoded["duration"]?.intValue { encoded["duration"] = .duration(.milliseconds(milliseconds)) }
        return RecordConformer.conform(.record(encoded), to: CircleCISchemas.jobDetails, typeName: CircleCISchemas.jobDetails.name)
    }

    /// A job of `workflow`, with the workflow's context.
    func job(_ job: Job, in workflow: Record) throws -> Value {
        guard case .record(var record) = try self.record(job, CircleCISchemas.job) else { return .null }
        let pipelineNumber = workflow["pipeline_number"]?.intValue
        let workflowID = workflow["id"]?.stringValue
        record["workflow_id"] = workflowID.map(Value.string) ?? .null
        record["workflow_name"] = workflow["name"] ?? .null
        record["pipeline_number"] = pipelineNumber.map(Value.int) ?? .null
        record["duration"] = Self.duration(from: record["started_at"], to: record["stopped_at"])
        record["url"] = session.webURL(
            project: job.projectSlug, pipelineNumber: pipelineNumber, workflowID: workflowID,
            jobNumber: record["job_number"]?.intValue)
        return .record(record)
    }

    /// A record of a per-job list (tests, artifacts) with the job's number and name.
    func jobItem(_ model: some Encodable, _ schema: RecordSchema, jobNumber: Int, jobName: String?) throws -> Value {
        guard case .record(var record) = try self.record(model, schema) else { return .null }
        record["job_number"] = .int(jobNumber)
        record["job_name"] = jobName.map(Value.string) ?? .null
        return .record(record)
    }

    /// `stopped - started`, or null while either is unknown.
    static func duration(from start: Value?, to end: Value?) -> Value {
        guard case .timestamp(let started)? = start, case .timestamp(let stopped)? = end else { return .null }
        return .duration(.seconds(fromDouble: stopped.timeIntervalSince(started)))
    }

    /// `record` with its fields in `schema` order, extra keys last.
    func reordered(_ record: Record, _ schema: RecordSchema) -> Record {
        var ordered = Record(typeName: record.typeName)
        for name in schema.fieldNames { if let value = record[name] { ordered[name] = value } }
        for (key, value) in record.fields where ordered[key] == nil { ordered[key] = value }
        return ordered
    }
}
