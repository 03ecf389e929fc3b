import Foundation

/// One action: a step on one parallel node, as v1.1 reports it.
struct StepAction: Sendable {
    let step: Int
    let node: Int
    let name: String
    let command: String?
    let type: String
    /// `success`, `failed`, `running`, `canceled`, `timedout`, `infrastructure_fail`.
    let status: String
    let startTime: Date
    let endTime: Date?
    let exitCode: Int?
    let output: [String]

    var runTimeMillis: Int? { endTime.map { Int(($0.timeIntervalSince(startTime) * 1000).rounded()) } }
}

/// Rebuilds a job's steps from its kind, status and timestamps, so they
/// always agree with the v2 job: same start, same stop, same failing node.
enum StepPlan {
    private struct StepSpec {
        let name: String
        let command: String?
        let type: String
        /// Share of the job's duration.
        let share: Double
        /// Runs even after the main step failed.
        let always: Bool
        /// The job's own command, where failures happen.
        var isMain = false
    }

    static func actions(for job: Job, language: Language, projectName: String, now: Date) -> [[StepAction]] {
        guard job.type == .build, let start = job.startedAt else { return [] }
        let end = job.stoppedAt ?? now
        let specs = steps(for: job, language: language, projectName: projectName)
        // A running job is about nine tenths through its main step's share.
        let elapsed = max(1, end.timeIntervalSince(start))
        let total = job.stoppedAt == nil ? elapsed / 0.9 : elapsed
        let mainIndex = specs.firstIndex(where: \.isMain) ?? 0
        var results: [[StepAction]] = []
        var cursor = start
        var stopped = false
        for (index, spec) in specs.enumerated() {
            let stepStart = cursor
            let stepEnd = stepStart.addingTimeInterval((total * spec.share * 1000).rounded() / 1000)
            cursor = stepEnd
            if stopped && !spec.always { continue }
            let actions = (0..<job.parallelism).map { node -> StepAction in
                let outcome = outcome(of: job, step: index, mainIndex: mainIndex, node: node,
                                      stepEnd: stepEnd, end: end)
                return StepAction(step: index == 0 ? 0 : 100 + index, node: node, name: spec.name,
                                  command: spec.command, type: spec.type, status: outcome.status,
                                  startTime: stepStart, endTime: outcome.running ? nil : min(stepEnd, end),
                                  exitCode: outcome.exitCode,
                                  output: StepOutput.lines(for: spec.name, command: spec.command, job: job,
                                                           node: node, status: outcome.status))
            }
            results.append(actions)
            if actions.contains(where: { $0.status != "success" }) { stopped = true }
            if job.stoppedAt == nil, stepEnd >= end { break }
        }
        return results
    }

    private static func outcome(of job: Job, step: Int, mainIndex: Int, node: Int,
                                stepEnd: Date, end: Date) -> (status: String, exitCode: Int?, running: Bool) {
        if job.stoppedAt == nil {
            return stepEnd >= end ? ("running", nil, true) : ("success", 0, false)
        }
        let failingNode = job.failedNode ?? 0
        switch job.status {
        case .failed where step == mainIndex && node == failingNode: return ("failed", 1, false)
        case .timedout where step == mainIndex: return ("timedout", nil, false)
        case .infrastructureFail where step == 0: return ("infrastructure_fail", nil, false)
        case .canceled where step == mainIndex: return ("canceled", nil, false)
        default: return ("success", 0, false)
        }
    }

    private static func steps(for job: Job, language: Language, projectName: String) -> [StepSpec] {
        let main = JobCommands.mainStep(for: job.kind, language: language, project: projectName)
        var specs = [
            StepSpec(name: "Spin up environment", command: nil, type: "test", share: 0.07, always: false),
            StepSpec(name: "Preparing environment variables", command: nil, type: "test", share: 0.01, always: false),
            StepSpec(name: "Checkout code", command: "#!/bin/sh\ngit clone --depth 1 ...", type: "test",
                     share: 0.04, always: false),
            StepSpec(name: "Restoring cache", command: nil, type: "test", share: 0.05, always: false),
            StepSpec(name: main.name, command: main.command, type: "test", share: 0.76, always: false, isMain: true),
        ]
        if !job.tests.isEmpty {
            specs.append(StepSpec(name: "Uploading test results", command: nil, type: "test", share: 0.03, always: true))
        }
        if !job.artifacts.isEmpty {
            specs.append(StepSpec(name: "Uploading artifacts", command: nil, type: "test", share: 0.04, always: true))
        }
        let used = specs.reduce(0) { $0 + $1.share }
        return specs.map { StepSpec(name: $0.name, command: $0.command, type: $0.type, share: $0.share / used,
                                    always: $0.always, isMain: $0.isMain) }
    }
}
