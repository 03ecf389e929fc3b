import Foundation

/// Something that starts a pipeline: a push, a tag, an API call, a click, a schedule.
struct PipelineEvent: Sendable {
    enum Kind: Sendable, Equatable {
        case push(branch: String)
        case tag(String)
        case api(branch: String)
        case explicit(branch: String)
        case scheduled(branch: String)
    }

    var time: Date
    var kind: Kind
    /// Newest pipelines, still running when the world is observed.
    var inProgress = false
    /// Forced to end in a config error.
    var errored = false
    /// Forced to fail with a real regression.
    var forcedFailure = false
    /// Forced to fail on the flaky test with this index in the suite's list, then
    /// rerun green: the same commit passes and fails that test.
    var flakyFailure: Int?

    var branch: String? {
        switch kind {
        case let .push(branch), let .api(branch), let .explicit(branch), let .scheduled(branch): branch
        case .tag: nil
        }
    }

    var tag: String? {
        if case let .tag(tag) = kind { return tag }
        return nil
    }

    var triggerType: TriggerType {
        switch kind {
        case .push, .tag: .webhook
        case .api: .api
        case .explicit: .explicit
        case .scheduled: .scheduledPipeline
        }
    }
}

/// Lays out when a project's pipelines happened over the last three weeks.
enum PipelineSchedule {
    static let span: TimeInterval = 21 * 86_400

    static func events(for blueprint: ProjectBlueprint, now: Date, random: inout SeededRandom) -> [PipelineEvent] {
        var events: [PipelineEvent] = []
        let start = now.addingTimeInterval(-span)
        let settledEnd = now.addingTimeInterval(-50 * 60)
        let settledCount = blueprint.pushPipelines - blueprint.inProgress
        for _ in 0..<settledCount {
            let offset = Double(random.int(0...Int(settledEnd.timeIntervalSince(start))))
            events.append(PipelineEvent(time: start.addingTimeInterval(offset), kind: pushKind(blueprint, &random)))
        }
        events.sort { $0.time < $1.time }
        assignTags(blueprint.tags, to: &events)
        if events.count > 8 {
            events[events.count / 3].errored = true
            events[events.count / 2].forcedFailure = true
            events[events.count - 4].forcedFailure = true
            markFlakyFailures(in: &events)
        }
        for index in 0..<blueprint.inProgress {
            let minutesAgo = Double(random.int(3...6) + index * 5)
            events.append(PipelineEvent(time: now.addingTimeInterval(-minutesAgo * 60),
                                        kind: .push(branch: index == 0 ? blueprint.defaultBranch
                                                    : random.pick(blueprint.featureBranches)),
                                        inProgress: true))
        }
        if blueprint.hasNightly {
            events += nightlies(for: blueprint, now: now, random: &random)
        }
        return events.sorted { $0.time < $1.time }
    }

    private static func pushKind(_ blueprint: ProjectBlueprint, _ random: inout SeededRandom) -> PipelineEvent.Kind {
        let feature = random.pick(blueprint.featureBranches)
        let release = blueprint.releaseBranch ?? blueprint.defaultBranch
        return random.weighted([
            (.push(branch: blueprint.defaultBranch), 40),
            (.push(branch: feature), 42),
            (.push(branch: release), blueprint.releaseBranch == nil ? 0 : 8),
            (.api(branch: blueprint.defaultBranch), 5),
            (.explicit(branch: feature), 5),
        ])
    }

    /// How many pipelines per project are forced to flake: one per flaky test of the suite.
    static let flakyFailures = 3

    /// Marks early pipelines (days old, so their reruns have happened) to
    /// flake, avoiding those already forced to error or fail.
    private static func markFlakyFailures(in events: inout [PipelineEvent]) {
        var position = events.count / 6
        for index in 0..<flakyFailures {
            while position < events.count, events[position].errored || events[position].forcedFailure
                || events[position].flakyFailure != nil {
                position += 1
            }
            guard position < events.count else { return }
            events[position].flakyFailure = index
            position += max(1, events.count / 8)
        }
    }

    /// Spreads the tags over the timeline, oldest tag first.
    private static func assignTags(_ tags: [String], to events: inout [PipelineEvent]) {
        guard !tags.isEmpty, events.count > tags.count * 2 else { return }
        let stride = events.count / (tags.count + 1)
        for (index, tag) in tags.enumerated() {
            events[(index + 1) * stride].kind = .tag(tag)
        }
    }

    private static func nightlies(for blueprint: ProjectBlueprint, now: Date,
                                  random: inout SeededRandom) -> [PipelineEvent] {
        let today = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        return (0..<21).compactMap { day in
            let time = Date(timeIntervalSince1970: today - Double(day) * 86_400 + 3 * 3600
                            + Double(random.int(1...9)))
            guard time < now.addingTimeInterval(-2 * 3600) else { return nil }
            return PipelineEvent(time: time, kind: .scheduled(branch: blueprint.defaultBranch))
        }
    }
}
