import Foundation

/// The test metadata a finished test job reports.
enum TestResultGenerator {
    static func results(for job: Job, outcome: PlannedOutcome, suite: TestSuite,
                        random: inout SeededRandom) -> [TestResult] {
        guard job.status == .success || job.status == .failed else { return [] }
        let failing: Set<TestID>
        switch outcome {
        case let .failed(tests): failing = Set(tests)
        case let .flaky(test): failing = [test]
        default: failing = []
        }
        let source = job.kind == .unitTests ? "unit" : (job.kind == .e2e ? "e2e" : "integration")
        return suite.tests(for: job.kind).map { test in
            let jitter = Double(random.int(80...125)) / 100
            if suite.isSkipped(test) {
                return TestResult(name: test.name, classname: test.classname, file: test.file, source: source,
                                  result: "skipped", runTime: 0, message: "skipped: requires a live sandbox")
            }
            if failing.contains(test.id) {
                return TestResult(name: test.name, classname: test.classname, file: test.file, source: source,
                                  result: "failure", runTime: rounded(test.baseRunTime * jitter * 3),
                                  message: failureMessage(for: test, flaky: suite.isFlaky(test)))
            }
            return TestResult(name: test.name, classname: test.classname, file: test.file, source: source,
                              result: "success", runTime: rounded(test.baseRunTime * jitter), message: nil)
        }
    }

    /// The parallel node that ran the first failing test.
    static func failedNode(of job: Job, outcome: PlannedOutcome) -> Int? {
        switch job.status {
        case .failed:
            guard let index = job.tests.firstIndex(where: { $0.result == "failure" }) else { return 0 }
            return index % max(1, job.parallelism)
        case .timedout, .infrastructureFail:
            return 0
        default:
            return nil
        }
    }

    /// Tests that a real (non-flaky) regression on a commit breaks.
    static func regressions(in suite: TestSuite, kind: JobKind, random: inout SeededRandom) -> [TestID] {
        let candidates = suite.tests(for: kind).filter { !suite.isFlaky($0) && !suite.isSkipped($0) }
        guard !candidates.isEmpty else { return [] }
        var picked: [TestID] = []
        for _ in 0..<random.int(1...3) {
            let id = random.pick(candidates).id
            if !picked.contains(id) { picked.append(id) }
        }
        return picked
    }

    private static func failureMessage(for test: TestCase, flaky: Bool) -> String {
        if flaky {
            return "context deadline exceeded after 5s waiting for \(test.classname)"
        }
        return "assertion failed in \(test.file): expected 200, got 500"
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
