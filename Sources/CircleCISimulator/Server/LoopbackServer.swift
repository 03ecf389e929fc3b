import FlyingFox
import Foundation
import Synchronization

/// Two FlyingFox listeners serving the engine: the API on `127.0.0.1` and
/// the presigned step-output host on `127.0.0.2` (all of 127/8 is loopback
/// on Linux; where it isn't, a second port on `127.0.0.1` keeps the
/// authority distinct).
actor LoopbackServer {
    private let engine: SimulatorEngine
    private var servers: [HTTPServer] = []
    private var tasks: [Task<Void, any Error>] = []
    private(set) var apiURL: URL?

    init(engine: SimulatorEngine) {
        self.engine = engine
    }

    /// Starts both listeners; returns the API host URL.
    func start(port: UInt16) async throws -> URL {
        if let apiURL { return apiURL }
        let output: (server: HTTPServer, url: URL)
        do {
            output = try await listen(ip: "127.0.0.2", port: 0, host: .output, outputBase: "")
        } catch {
            output = try await listen(ip: "127.0.0.1", port: 0, host: .output, outputBase: "")
        }
        let outputBase = output.url.absoluteString
        let api = try await listen(ip: "127.0.0.1", port: port, host: .api, outputBase: outputBase)
        apiURL = api.url
        return api.url
    }

    /// Stops both listeners and waits for them to close.
    ///
    /// No grace period: FlyingFox waits out the whole grace period even when
    /// idle (its socket loop only ends when cancelled), which made every stop
    /// cost a second per listener. Responses still being written are cut off.
    func stop() async {
        await withTaskGroup(of: Void.self) { group in
            for server in servers { group.addTask { await server.stop(timeout: 0) } }
        }
        for task in tasks { task.cancel() }
        servers.removeAll()
        tasks.removeAll()
        apiURL = nil
    }

    private func listen(ip: String, port: UInt16, host: SimulatorHost,
                        outputBase: String) async throws -> (server: HTTPServer, url: URL) {
        let engine = engine
        let listening = ListeningPort()
        let handler = FlyingFoxBridge(engine: engine, host: host, outputBase: outputBase, port: listening)
        let server = HTTPServer(address: try .inet(ip4: ip, port: port), timeout: 600, logger: .disabled,
                                handler: handler)
        let ended = RunOutcome()
        let task = Task {
            do {
                try await server.run()
                ended.record(CancellationError())
            } catch {
                ended.record(error)
                throw error
            }
        }
        // Listening, or the reason it cannot listen. A bind error ends `run()` at
        // once; a busy machine only delays the start. (FlyingFox's
        // `waitUntilListening()` gives up after 5 s either way, so a slow start
        // on a loaded machine looked like a failure to bind 127.0.0.2 and the
        // output host quietly became 127.0.0.1.)
        let deadline = ContinuousClock.now + .seconds(60)
        while await !server.isListening {
            if let error = ended.error {
                throw error
            }
            guard ContinuousClock.now < deadline else {
                task.cancel()
                throw URLError(.timedOut)
            }
            do {
                try await Task.sleep(for: .milliseconds(2))
            } catch {
                task.cancel()
                throw error
            }
        }
        guard case let .ip4(address, bound)? = await server.listeningAddress,
              let url = URL(string: "http://\(address):\(bound)") else {
            await server.stop()
            task.cancel()
            throw URLError(.cannotConnectToHost)
        }
        listening.set(bound)
        servers.append(server)
        tasks.append(task)
        return (server, url)
    }
}

/// How a listener's `run()` ended, if it has.
private final class RunOutcome: Sendable {
    private let ending = Mutex<(any Error)?>(nil)

    func record(_ error: any Error) { ending.withLock { $0 = error } }

    var error: (any Error)? { ending.withLock { $0 } }
}
