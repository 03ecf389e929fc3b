import Foundation

extension WorkflowStatus {
    /// The status a workflow has given its jobs, the single rule used by the
    /// generator and by every mutation.
    ///
    /// - Parameter canceled: whether someone canceled the workflow.
    static func derive(from statuses: [JobStatus], canceled: Bool) -> WorkflowStatus {
        if canceled { return .canceled }
        let anyFailed = statuses.contains { $0.isFailure }
        if statuses.contains(where: { $0 == .running || $0 == .queued }) {
            return anyFailed ? .failing : .running
        }
        if statuses.contains(.onHold) {
            return anyFailed ? .failing : .onHold
        }
        if statuses.contains(.infrastructureFail) { return .error }
        if anyFailed { return .failed }
        if statuses.contains(.canceled) { return .canceled }
        return .success
    }
}

extension Workflow {
    /// Recomputes status and stop time from `jobs`; blocked jobs of a
    /// finished workflow become `not_run`.
    static func settle(_ workflow: inout Workflow, jobs: inout [Job], canceledAt: Date? = nil) {
        let canceled = workflow.canceledBy != nil
        workflow.status = .derive(from: jobs.map(\.status), canceled: canceled)
        guard workflow.status.isTerminal else {
            workflow.stoppedAt = nil
            return
        }
        for index in jobs.indices where jobs[index].status == .blocked {
            jobs[index].status = .notRun
        }
        let lastStop = jobs.compactMap(\.stoppedAt).max()
        workflow.stoppedAt = [lastStop, canceledAt, workflow.createdAt].compactMap { $0 }.max()
    }
}
