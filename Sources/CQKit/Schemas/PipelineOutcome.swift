import CQ

/// A pipeline's outcome as a CircleCI user means it, derived from its workflows.
///
/// The API's pipeline `state` only describes config processing
/// (`created | errored | setup-pending | setup | pending`) and never says
/// `failed`; success and failure live in workflow `status`. Only the latest
/// run of each workflow counts: a rerun (a later workflow of the same name in
/// the same pipeline) replaces the run it repeats, as in the web app, so a
/// pipeline whose failed workflow was rerun and passed is a `success`.
/// A pipeline is:
/// - `errored`, `setup-pending`, `setup` or `pending` when the API says so;
/// - `failed` when any workflow `failed`, `error`ed, is `failing` or `unauthorized`;
/// - otherwise `on_hold` when one waits for an approval, even while another
///   still runs: a pipeline waiting for someone is what `where state ==
///   "on_hold"` looks for;
/// - otherwise `running` when any workflow is running (or `not_run` next to
///   running ones), `canceled` when one was canceled, `success` when all
///   succeeded, `not_run` when none ran;
/// - `created` when it has no workflows at all.
enum PipelineOutcome {
    static let allValues = [
        "success", "failed", "running", "on_hold", "canceled", "not_run", "errored", "setup-pending", "setup",
        "pending", "created",
    ]

    /// The outcome of a pipeline from its workflow records (`name`, `status`, `created_at`).
    static func outcome(apiState: String?, workflows: [Value]) -> String {
        outcome(apiState: apiState, workflowStatuses: latestRuns(workflows).compactMap { $0["status"]?.stringValue })
    }

    /// The latest run of each workflow name, in the order the names first appear.
    static func latestRuns(_ workflows: [Value]) -> [Record] {
        var latest: [String: Record] = [:]
        var order: [String] = []
        for case .record(let workflow) in workflows {
            let name = workflow["name"]?.stringValue ?? workflow["id"]?.stringValue ?? ""
            guard let current = latest[name] else {
                latest[name] = workflow
                order.append(name)
                continue
            }
            if case .timestamp(let created)? = workflow["created_at"], case .timestamp(let kept)? = current["created_at"],
                created > kept
            {
                latest[name] = workflow
            }
        }
        return order.compactMap { latest[$0] }
    }

    static func outcome(apiState: String?, workflowStatuses: [String]) -> String {
        if let apiState, apiState != "created" { return apiState }
        guard !workflowStatuses.isEmpty else { return apiState ?? "created" }
        let statuses = Set(workflowStatuses)
        if !statuses.isDisjoint(with: ["failed", "error", "failing", "unauthorized"]) { return "failed" }
        if statuses.contains("on_hold") { return "on_hold" }
        if statuses.contains("running") { return "running" }
        if statuses.contains("canceled") { return "canceled" }
        if statuses == ["not_run"] { return "not_run" }
        if statuses.isSubset(of: ["success", "not_run"]) { return "success" }
        return "running"
    }
}
