import ArgumentParser
import CircleCISimulator
import Foundation

/// `cq simulator [--port N]`: serve the demo organisation over HTTP on loopback.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Serve the simulated CircleCI organisation on 127.0.0.1 until interrupted.",
        discussion: "Point cq (or curl) at it with the printed CIRCLECI_HOST and CIRCLECI_TOKEN.")

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 0

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let now = environment["CQ_NOW"].flatMap { try? Date($0, strategy: .iso8601) } ?? Simulator.defaultNow()
        let simulator = Simulator(now: now)
        if let latency = environment["CQ_DEMO_LATENCY_MS"].flatMap(Int.init), latency > 0 {
            await simulator.faults.setLatency(.milliseconds(latency))
        }
        try await simulator.run(port: port) { url in
            let banner = """
                Simulated CircleCI listening on \(url.absoluteString)
                  export CIRCLECI_HOST=\(url.absoluteString)
                  export CIRCLECI_TOKEN=\(Simulator.demoToken)
                Press Ctrl-C to stop.

                """
            FileHandle.standardOutput.write(Data(banner.utf8))
        }
    }
}
