import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// One simulator server per suite, started before its first test and stopped
/// after its last, with the landmarks found in it.
///
/// Tests read it from ``SharedSimulator/current``. Only read-only suites share
/// a server; tests that write, inject faults or count requests make their own
/// with ``withLiveSimulator(now:_:)``.
struct SharedSimulator: SuiteTrait, TestScoping {
    /// The running simulator and its landmarks.
    struct World: Sendable {
        let live: LiveSimulator
        let landmarks: Landmarks

        var client: CircleCIClient { live.client }
    }

    /// The server of the suite being run.
    @TaskLocal static var current: World?

    /// Starts the server, runs the suite, stops the server.
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withLiveSimulator { live in
            let landmarks = try await Landmarks.discover(live.client)
            try await Self.$current.withValue(World(live: live, landmarks: landmarks)) {
                try await function()
            }
        }
    }

    /// The suite's world, or a failure when the suite lacks the trait.
    static func world() throws -> World {
        try #require(current, "add the .sharedSimulator trait to the suite")
    }
}

extension Trait where Self == SharedSimulator {
    /// Runs the suite against one simulator server on loopback.
    static var sharedSimulator: Self { SharedSimulator() }
}
