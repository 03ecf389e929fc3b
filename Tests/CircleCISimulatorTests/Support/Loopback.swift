import CircleCISimulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One ephemeral URLSession for all HTTP tests.
let testSession = URLSession(configuration: .ephemeral)

/// A response read over real HTTP.
struct HTTPReply: Sendable {
    let status: Int
    let body: Data
    let response: HTTPURLResponse

    func header(_ name: String) -> String? { response.value(forHTTPHeaderField: name) }
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Runs `body` against a simulator listening on loopback, then stops it.
func withServer<R: Sendable>(_ sim: Simulator = Simulator(now: fixedNow, seed: Simulator.defaultSeed),
                             _ body: @Sendable (Simulator, URL) async throws -> R) async throws -> R {
    let url = try await sim.startServer(port: 0)
    do {
        let result = try await body(sim, url)
        await sim.stopServer()
        return result
    } catch {
        await sim.stopServer()
        throw error
    }
}

/// GET (or another method) over HTTP, sending `Circle-Token` unless told not to.
func fetch(_ url: URL, method: String = "GET", token: String? = Simulator.demoToken,
           body: String? = nil) async throws -> HTTPReply {
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if let token { request.setValue(token, forHTTPHeaderField: "Circle-Token") }
    if let body {
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await testSession.data(for: request)
    guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
    return HTTPReply(status: http.statusCode, body: data, response: http)
}

extension URL {
    /// `self` + a path that may carry a query (`appendingPathComponent` would escape `?`).
    func adding(_ pathAndQuery: String) -> URL {
        URL(string: absoluteString + pathAndQuery) ?? self
    }
}
