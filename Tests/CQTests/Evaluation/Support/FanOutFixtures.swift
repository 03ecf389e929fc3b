import CQ

/// The two ordered fan-outs, so one test covers both.
enum FanOut: String, CaseIterable, Sendable, CustomStringConvertible {
    case map
    case flatMap

    var description: String { rawValue }

    /// What element `index` turns into: one value for `map`; for `flatMap`
    /// one to three values, or none for every fourth element.
    func outputs(of index: Int) -> [Value] {
        switch self {
        case .map: [.int(index * 10)]
        case .flatMap: index % 4 == 3 ? [] : (0...(index % 4)).map { .int(index * 10 + $0) }
        }
    }

    /// The whole output for elements `indices`, in order.
    func outputs(of indices: Range<Int>) -> [Value] {
        indices.flatMap { outputs(of: $0) }
    }

    /// `source` fanned out `window` wide: `work` runs for each element (its
    /// index), then the element turns into ``outputs(of:)``.
    func apply(
        to source: ValueStream, window: Int, tasks: BackgroundTasks,
        _ work: @escaping @Sendable (Int) async throws -> Void
    ) -> ValueStream {
        switch self {
        case .map:
            source.mapConcurrently(window: window, tasks: tasks) { value in
                let index = value.intValue ?? -1
                try await work(index)
                return outputs(of: index)[0]
            }
        case .flatMap:
            source.flatMapConcurrently(window: window, tasks: tasks) { value in
                let index = value.intValue ?? -1
                try await work(index)
                return ValueStream(outputs(of: index))
            }
        }
    }
}

/// The integers from 0, endless or up to a count, that counts how many were
/// pulled and can fail at one index or hold before one until a gate opens.
struct CountingSource: Sendable {
    struct Failure: Error, Equatable {}

    let pulls = Locked(0)
    var count: Int?
    var failing: Int?
    var holding: (index: Int, gate: Gate)?

    var stream: ValueStream {
        let (pulls, count, failing, holding) = (pulls, count, failing, holding)
        return ValueStream {
            var next = 0
            return {
                if let holding, holding.index == next { try await holding.gate.wait() }
                if let count, next >= count { return nil }
                if next == failing { throw Failure() }
                pulls.update { $0 += 1 }
                defer { next += 1 }
                return .int(next)
            }
        }
    }
}

/// What a test's transforms did: how many started, ended, were cancelled,
/// and the most running at once.
struct TransformLog: Sendable {
    let started = Locked(0)
    let cancelled = Locked(0)
    let running = Locked((now: 0, peak: 0))

    /// Runs `body` as one transform, counting it.
    func record(_ body: () async throws -> Void) async throws {
        started.update { $0 += 1 }
        running.update { $0 = (now: $0.now + 1, peak: max($0.peak, $0.now + 1)) }
        defer { running.update { $0.now -= 1 } }
        do {
            try await body()
        } catch is CancellationError {
            cancelled.update { $0 += 1 }
            throw CancellationError()
        }
    }
}
