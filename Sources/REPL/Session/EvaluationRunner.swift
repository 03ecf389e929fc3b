/// Runs one evaluation so that Ctrl-C can cancel it, drawing the progress line
/// while it is slow.
///
/// The work runs in its own task. A monitor task polls the interrupt source: the
/// first Ctrl-C cancels the work task (its HTTP requests stop with it) and the
/// runner waits for it to finish; a second Ctrl-C, or the grace period running
/// out, abandons it and returns at once.
struct EvaluationRunner: Sendable {
    /// How an evaluation ended.
    enum Outcome: Sendable {
        /// It finished: its result, how long it took, and the work it did.
        case finished(EvaluationResult, elapsed: Duration, work: REPLMetrics)
        /// Ctrl-C stopped it; its result, if any, is dropped.
        case cancelled
    }

    let host: any REPLHost
    let console: REPLConsole
    let options: REPLOptions
    /// How often the monitor looks for Ctrl-C and redraws the progress line.
    let tick = Duration.milliseconds(50)

    private enum Ending: Sendable {
        case finished(EvaluationResult, cancelled: Bool)
        case abandoned
    }

    /// Runs `work` to completion or cancellation.
    func run(_ work: @escaping @Sendable () async -> EvaluationResult) async -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let baseline = await host.metrics()
        let ending = OneShot<Ending>()
        let task = Task {
            let result = await work()
            ending.resolve(.finished(result, cancelled: Task.isCancelled))
        }
        let monitor = Task { await watch(task, ending: ending, start: start, baseline: baseline) }
        // The work task is unstructured (so that it can be abandoned): pass on a
        // cancellation of the session itself by hand.
        let end = await withTaskCancellationHandler {
            await ending.value()
        } onCancel: {
            task.cancel()
        }
        monitor.cancel()
        let elapsed = start.duration(to: clock.now)
        let watched = await monitor.value
        if watched.drewProgress { console.errors.write(ANSI.eraseLine) }
        switch end {
        case .finished(let result, cancelled: false) where !watched.interrupted:
            return .finished(result, elapsed: elapsed, work: await host.metrics().since(baseline))
        case .finished, .abandoned:
            return .cancelled
        }
    }

    /// Polls for Ctrl-C and draws the progress line until cancelled; returns
    /// whether the progress line is on screen.
    private func watch(
        _ task: Task<Void, Never>, ending: OneShot<Ending>, start: ContinuousClock.Instant, baseline: REPLMetrics
    ) async -> (drewProgress: Bool, interrupted: Bool) {
        var drewProgress = false
        var cancelledAt: ContinuousClock.Instant?
        var frame = 0
        while !Task.isCancelled {
            do { try await Task.sleep(for: tick) } catch { break }
            if console.interrupts.takeInterrupt() {
                // A Ctrl-C taken here must not be lost even if the work has just
                // finished on its own: the caller treats the run as cancelled.
                if cancelledAt == nil {
                    cancelledAt = .now
                    task.cancel()
                    if console.errorsAreTerminal {
                        let text = "Cancelling… (Ctrl-C again to stop waiting)"
                        console.errors.write(ANSI.eraseLine + ProgressLine.fitting(text, columns: console.errorColumns))
                        drewProgress = true
                    }
                } else {
                    ending.resolve(.abandoned)
                    break
                }
            }
            if let cancelledAt, cancelledAt.duration(to: .now) >= options.cancelGracePeriod {
                ending.resolve(.abandoned)
                break
            }
            let elapsed = start.duration(to: .now)
            if console.errorsAreTerminal, cancelledAt == nil, elapsed >= options.progressDelay {
                let work = await host.metrics().since(baseline)
                guard !Task.isCancelled else { break }
                let text = ProgressLine.text(frame: frame, elapsed: elapsed, work: work)
                console.errors.write(ANSI.eraseLine + ProgressLine.fitting(text, columns: console.errorColumns))
                drewProgress = true
                frame += 1
            }
        }
        return (drewProgress, cancelledAt != nil)
    }
}
