import Foundation

/// Why a planned build job ends the way it does.
enum PlannedOutcome: Sendable, Equatable {
    case success
    /// A real failure: these tests fail on this commit every time.
    case failed(tests: [TestID])
    /// A flaky failure: this test fails now but passes on a rerun.
    case flaky(test: TestID)
    case timedout
    case infrastructureFail
}

/// The inputs that shape one workflow run.
struct WorkflowPlan: Sendable {
    let template: WorkflowTemplate
    let pipeline: Pipeline
    let project: Project
    var createdAt: Date
    var startedBy: UUID
    /// The instant the run is observed at; later events haven't happened.
    let observedAt: Date
    /// Planned outcome per job name; jobs not listed succeed.
    var outcomes: [String: PlannedOutcome] = [:]
    /// Seconds after `hold` goes on hold that someone approves it (nil: never).
    var approvalDelay: TimeInterval?
    var approver: UUID?
    /// When and by whom the run is canceled.
    var cancellation: (at: Date, by: UUID)?
    var rerunOf: UUID?
    /// Only these jobs run (a rerun of selected jobs); nil runs all.
    var onlyJobs: Set<String>?
}

/// The timeline of one job before it is clipped to the observation time.
struct JobTimeline {
    var readyAt: Date?
    var queuedAt: Date?
    var startedAt: Date?
    var stoppedAt: Date?
    var outcome: PlannedOutcome = .success
}
