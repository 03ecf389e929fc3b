import CQ

/// A pipeline's outcome as a CircleCI user means it, derived from its workflows.
///
/// The API's pipeline `state` only describes config processing
/// (`created | errored | setup-pending | setup | pending`) and never says
/// `failed`; success and failure live in workflow `status`. A pipeline is:
/// - `errored`, `setup-pending`, `setup` or `pending` when the API says so;
/// - `failed` when any workflow `failed`, `error`ed, is `failing` or `unauthorized`;
/// - otherwise `running` when any workflow is running (or `not_run` next to
///   running ones), `on_hold` when one waits for approval, `canceled` when one was
///   canceled, `success` when all succeeded, `not_run` when none ran;
/// - `created` when it has no workflows at all.
enum PipelineOutcome {
    static let allValues = [
        "success", "failed", "running", "on_hold", "canceled", "not_run", "errored", "setup-pending", "setup",
        "pending", "created",
    ]

    static func outcome(apiState: String?, workflowStatuses: [String]) -> String {
        if let apiState, apiState != "created" { return apiState }
        guard !workflowStatuses.isEmpty else { return apiState ?? "created" }
        let statuses = Set(workflowStatuses)
        if !statuses.isDisjoint(with: ["failed", "error", "failing", "unauthorized"]) { return "failed" }
        if statuses.contains("running") { return "running" }
        if statuses.contains("on_hold") { return "on_hold" }
        if statuses.contains("canceled") { return "canceled" }
        if statuses == ["not_run"] { return "not_run" }
        if statuses.isSubset(of: ["success", "not_run"]) { return "success" }
        return "running"
    }
}
