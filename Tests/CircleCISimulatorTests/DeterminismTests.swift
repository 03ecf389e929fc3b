import CircleCISimulator
import Foundation
import Testing

/// Same seed and instant, same bytes: within a process and across processes.
@Suite struct DeterminismTests {
    static let paths = [
        "/project/gh/acme/api/pipeline", "/project/gh/org/repo/pipeline", "/pipeline?org-slug=gh/acme",
        "/insights/gh/acme/api/flaky-tests", "/insights/gh/acme/summary",
        "/insights/pages/gh/acme/api/summary", "/insights/gh/acme/api/workflows?all-branches=true",
        "/insights/gh/acme/api/workflows/build-and-test/test-metrics?all-branches=true",
        "/me/collaborations", "/context?owner-slug=gh/acme",
    ]

    private func digest(_ sim: Simulator) async throws -> (Data, UInt64) {
        var all = Data()
        for path in Self.paths { all += try await sim.call(.get, path).body }
        for pipeline in try await sim.all("/project/gh/org/repo/pipeline") {
            let workflows = try await sim.call(.get, "/pipeline/\(pipeline["id"] as? String ?? "")/workflow")
            all += workflows.body
            for workflow in workflows.items {
                all += try await sim.call(.get, "/workflow/\(workflow["id"] as? String ?? "")/job").body
            }
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in all { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return (all, hash)
    }

    @Test func sameSeedAndNowGiveIdenticalBytes() async throws {
        let first = try await digest(Simulator(now: fixedNow, seed: 11))
        let second = try await digest(Simulator(now: fixedNow, seed: 11))
        #expect(first.0 == second.0)
        let other = try await digest(Simulator(now: fixedNow, seed: 12))
        #expect(other.1 != first.1)
        let later = try await digest(Simulator(now: fixedNow.addingTimeInterval(3600), seed: 11))
        #expect(later.1 != first.1)
    }

    /// A digest recorded from a previous process: dictionary order, hashing
    /// seeds or the clock leaking into responses would change it. When the
    /// generated world changes on purpose, update the constant.
    @Test func bytesAreStableAcrossProcesses() async throws {
        let (_, hash) = try await digest(Simulator(now: fixedNow, seed: 11))
        #expect(String(hash, radix: 16) == Self.recordedDigest, "update recordedDigest if the world changed on purpose")
    }

    static let recordedDigest = "d4c6e945a507ef85"
}
