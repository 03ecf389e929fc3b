import CircleCISimulator
import Foundation
import Testing

/// Runs `body` with a simulator (generated for the pinned clock, accepting
/// `token`) serving HTTP on 127.0.0.1, answering each request after `latency`;
/// stops it afterwards.
func withSimulatorServer(
    latency: Duration = .zero, token: String = Simulator.demoToken, _ body: (Simulator, String) async throws -> Void
) async throws {
    let simulator = Simulator(now: try #require(ISO8601DateFormatter().date(from: pinnedNow)), token: token)
    await simulator.faults.setLatency(latency)
    let host = try await simulator.startServer(port: 0)
    do {
        try await body(simulator, host.absoluteString)
    } catch {
        await simulator.stopServer()
        throw error
    }
    await simulator.stopServer()
}
