import CQ
import CQKit
import CircleCISimulator
import Testing

/// The limits an embedder relies on when it runs query text it did not write.
@Suite(.timeLimit(.minutes(2))) struct EngineLimitTests {
    @Test func aRequestBudgetStopsTheRunBeforeMoreAreSent() async throws {
        let harness = Harness(evaluation: EvaluationOptions(maxRequests: 5))
        await #expect {
            _ = try await harness.evaluate(#"pipelines("gh/acme/api") | take 20 | jobs | count"#)
        } throws: { error in
            guard let error = error as? RuntimeError else { return false }
            return error.kind == .limit && error.diagnostic.message.contains("more than 5 requests")
        }
        #expect(harness.metrics.snapshot.requests <= 5)
        // Within the budget the same engine answers.
        #expect(try await harness.evaluate(#"pipelines("gh/acme/api") | take 3 | map number"#).listValue?.count == 3)
    }

    @Test func filesAreRefusedUnlessAllowed() async throws {
        let harness = Harness()
        await #expect {
            _ = try await harness.evaluate(#"open("/etc/hostname")"#)
        } throws: { error in
            (error as? RuntimeError)?.diagnostic.id == "files-not-allowed"
        }
    }

    @Test func aTimeoutStopsASlowQuery() async throws {
        let simulator = Simulator(now: fixedNow)
        await simulator.faults.setLatency(.seconds(30))
        let harness = Harness(evaluation: EvaluationOptions(timeout: .milliseconds(300)), simulator: simulator)
        await #expect {
            _ = try await harness.evaluate(#"pipelines("gh/acme/api") | count"#)
        } throws: { error in
            (error as? RuntimeError)?.diagnostic.id == "timeout"
        }
        #expect(harness.metrics.snapshot.inFlight == 0, "nothing is left running")
    }
}
