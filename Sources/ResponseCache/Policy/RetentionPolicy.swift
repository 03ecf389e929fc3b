import CircleCI
import Foundation

/// Which responses may be stored, and for how long, decided from the
/// operation and the decoded body, never guessed from the URL.
enum RetentionPolicy {
    /// Operations whose responses are secrets or lists of them: never stored.
    static let neverStored: Set<String> = [
        "listEnvVars", "getEnvVar", "listContexts", "getContext", "getContextRestrictions",
        "listEnvironmentVariablesFromContext", "listCheckoutKeys", "getCheckoutKey",
    ]

    /// Whether a `GET` of `operationID` at `path` may be stored at all.
    ///
    /// Besides ``neverStored``, any path naming environment variables,
    /// contexts or checkout keys (raw `get("/context/…")` calls) is refused.
    static func mayStore(operationID: String, path: String) -> Bool {
        guard !neverStored.contains(operationID) else { return false }
        let lowered = path.lowercased()
        return !["/envvar", "/context", "/checkout-key"].contains { lowered.contains($0) }
    }

    /// How long a 2xx body of `operationID` may be kept, or `nil` when it is
    /// not JSON (an HTML page from a proxy is never stored).
    ///
    /// Settled: a page of a workflow's jobs that are all finished; a finished
    /// job's details (`getJobDetails`, `getJob`, v1.1 `getJobV1`); a finished
    /// workflow; a non-empty page of a pipeline's workflows that have all
    /// finished; a pipeline's config; anything read under
    /// ``CacheHint/settled``. Everything else expires. A settled v1.1 job is
    /// kept only until the presigned output URLs in it expire, or for the time
    /// to live when they already have at `now`.
    static func retention(operationID: String, body: Data, hint: CacheHint, now: Date) -> Retention? {
        guard looksLikeJSON(body) else { return nil }
        guard hint == .settled || isSettled(operationID: operationID, body: body) else { return .expiring }
        guard operationID == "getJobV1", let expiry = PresignedExpiry.earliest(inJob: body) else { return .settled }
        return expiry > now ? .until(expiry) : .expiring
    }

    private static func isSettled(operationID: String, body: Data) -> Bool {
        switch operationID {
        case "getPipelineConfigById":
            return true
        case "listWorkflowJobs":
            return decode(Page<Job>.self, body).map { allFinished($0.items.map(\.status.isFinished)) } ?? false
        case "getJobDetails":
            return decode(JobDetails.self, body)?.status.isFinished ?? false
        case "getJob":
            return decode(JobSummary.self, body).map { JobStatus(rawValue: $0.status).isFinished } ?? false
        case "getJobV1":
            return decode(V1JobStatus.self, body)?.isFinished ?? false
        case "getWorkflowById":
            return decode(Workflow.self, body)?.status.isFinished ?? false
        case "listWorkflowsByPipelineId":
            return decode(Page<Workflow>.self, body).map { allFinished($0.items.map(\.status.isFinished)) } ?? false
        default:
            return false
        }
    }

    /// Whether a page has items and every one has finished (no items yet is not finished).
    private static func allFinished(_ finished: [Bool]) -> Bool {
        !finished.isEmpty && !finished.contains(false)
    }

    /// Decodes with the client's own decoder; a body the client could not read is not settled.
    private static func decode<T: Decodable>(_ type: T.Type, _ body: Data) -> T? {
        try? CircleCIJSON.makeDecoder().decode(type, from: body)
    }

    /// Whether the body starts like a JSON object or array.
    private static func looksLikeJSON(_ body: Data) -> Bool {
        let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}
