import CircleCISimulator
import Foundation
import Testing

/// Every project that runs tests shows a few flaky ones, whatever the seed and
/// the hour: a demo asking "which tests flake?" must get an answer.
@Suite struct FlakyTestsTests {
    static let projects = ["gh/acme/api", "gh/acme/web", "gh/org/repo", "bb/acme/legacy"]

    /// Instants a demo may run at (``Simulator/defaultNow()`` moves hourly) and seeds.
    static let worlds: [(now: Date, seed: UInt64)] = [
        (fixedNow, Simulator.defaultSeed), (fixedNow.addingTimeInterval(3_600), Simulator.defaultSeed),
        (fixedNow.addingTimeInterval(5 * 86_400 + 7 * 3_600), Simulator.defaultSeed),
        (fixedNow.addingTimeInterval(389 * 86_400 + 5 * 3_600), Simulator.defaultSeed),
        (fixedNow, 7), (fixedNow.addingTimeInterval(-40 * 86_400), 99),
    ]

    @Test(arguments: 0..<worlds.count)
    func everyProjectWithTestsHasAFewFlakyTests(_ index: Int) async throws {
        let (now, seed) = Self.worlds[index]
        let sim = Simulator(now: now, seed: seed)
        var slugs = Self.projects
        slugs += await sim.projectSlugs().filter { $0.hasPrefix("circleci/") }
        for slug in slugs {
            let reply = try await sim.call(.get, "/insights/\(slug)/flaky-tests")
            let tests = reply.object["flaky_tests"] as? [[String: Any]] ?? []
            #expect((2...12).contains(tests.count), "\(slug) at \(now) seed \(seed): \(tests.count) flaky tests")
            #expect(reply.object["total_flaky_tests"] as? Double == Double(tests.count))
        }
    }
}
