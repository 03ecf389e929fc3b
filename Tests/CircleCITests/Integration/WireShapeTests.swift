import CircleCI
import CircleCISimulator
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How to read one response body with the client's models.
struct WireShape: Sendable {
    /// Decodes `data` and returns what the re-encoded models disagree on.
    let differences: @Sendable (Data) throws -> [WireDiff.Difference]

    /// The body is one `Model`.
    static func object<Model: Codable & Sendable>(_ type: Model.Type) -> WireShape {
        WireShape { data in
            try WireDiff.differences(sent: data, model: CircleCIJSON.makeDecoder().decode(Model.self, from: data))
        }
    }

    /// The body is `{items: [Model], next_page_token}`.
    static func page<Model: Codable & Sendable>(_ type: Model.Type) -> WireShape {
        WireShape { data in
            let page = try CircleCIJSON.makeDecoder().decode(Page<Model>.self, from: data)
            let sent = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            let items = try JSONSerialization.data(withJSONObject: sent["items"] ?? [])
            var result = try WireDiff.differences(sent: items, model: page.items)
            let unknown = Set(sent.keys).subtracting(["items", "next_page_token"])
            result += unknown.sorted().map { WireDiff.Difference(path: $0, kind: .dropped, detail: "") }
            return result.map { WireDiff.Difference(path: "items" + $0.path, kind: $0.kind, detail: $0.detail) }
        }
    }
}

/// One response the simulator serves, named by operation.
struct WireCase: Sendable, CustomTestStringConvertible {
    let operationID: String
    /// The path below the host, with `{landmark}` placeholders.
    let path: String
    let shape: WireShape

    init(_ operationID: String, _ path: String, _ shape: WireShape) {
        self.operationID = operationID
        self.path = path
        self.shape = shape
    }

    var testDescription: String { "\(operationID) \(path)" }
}

/// Every field the simulator sends is one the client decodes, and every field
/// the client models is one the simulator sends: decoding and re-encoding a
/// response gives the same JSON back.
@Suite("Wire shapes: simulator JSON and client models agree", .sharedSimulator)
struct WireShapeTests {
    @Test(arguments: WireCase.all)
    func responseRoundTripsThroughTheModel(_ wire: WireCase) async throws {
        let world = try SharedSimulator.world()
        let data = try await Self.fetch(world, wire.path)
        let differences = try wire.shape.differences(data)
        #expect(differences.isEmpty, "\(wire.operationID):\n\(differences.map(\.description).joined(separator: "\n"))")
    }

    /// Presigned step output, fetched the way the client does: from another host, without the token.
    @Test func stepOutputRoundTripsThroughTheModel() async throws {
        let world = try SharedSimulator.world()
        let build = try await Self.fetch(world, "/api/v1.1/project/github/acme/api/{number}")
        let object = try JSONSerialization.jsonObject(with: build) as? [String: Any] ?? [:]
        let actions = (object["steps"] as? [[String: Any]] ?? []).flatMap { $0["actions"] as? [[String: Any]] ?? [] }
        let urls = actions.compactMap { $0["output_url"] as? String }.compactMap(URL.init(string:))
        #expect(urls.count > 3)
        for url in urls.prefix(3) {
            let (data, response) = try await URLSession.shared.data(from: url)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(try WireShape.object([StepOutput].self).differences(data).isEmpty)
        }
    }

    /// The raw body of `GET host + path` with the demo token.
    static func fetch(_ world: SharedSimulator.World, _ template: String) async throws -> Data {
        let path = try expand(template, world.landmarks)
        let url = try #require(URL(string: world.live.host.absoluteString + path))
        var request = URLRequest(url: url)
        request.setValue(Simulator.demoToken, forHTTPHeaderField: "Circle-Token")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode
        try #require(status == 200, "GET \(path) answered \(status ?? 0): \(String(decoding: data, as: UTF8.self))")
        return data
    }

    private static func expand(_ template: String, _ landmarks: Landmarks) throws -> String {
        let workflow = try Landmarks.require(landmarks.testedWorkflow, "tested workflow")
        let job = try Landmarks.require(landmarks.testJob, "test job")
        let values = [
            "{pipeline}": workflow.pipelineID, "{workflow}": workflow.id, "{job}": job.id,
            "{number}": String(job.jobNumber ?? 0), "{project}": landmarks.projectID,
            "{context}": landmarks.contextID, "{schedule}": landmarks.scheduleID, "{webhook}": landmarks.webhookID,
            "{fingerprint}": landmarks.fingerprint, "{variable}": landmarks.environmentVariableName,
            "{user}": landmarks.userID, "{org}": landmarks.organizationID,
        ]
        return values.reduce(template) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
}
