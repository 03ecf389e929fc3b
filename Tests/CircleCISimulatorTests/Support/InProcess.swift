import CircleCI
import CircleCISimulator
import Foundation
import HTTPTypes

/// The fixed instant every test world is generated for.
let fixedNow = Date(timeIntervalSince1970: 1_762_351_200)  // 2025-11-05T14:00:00Z

/// A response read through the in-process transport.
struct Reply: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: Data

    /// The body as a JSON object tree.
    var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
    var nextPageToken: String? { object["next_page_token"] as? String }
    var message: String? { object["message"] as? String }
    var text: String { String(decoding: body, as: UTF8.self) }
}

extension Simulator {
    /// Sends one request in-process with the demo token (or `token`).
    func call(_ method: HTTPRequest.Method = .get, _ path: String, token: String? = Simulator.demoToken,
              body: String? = nil, authority: String? = nil) async throws -> Reply {
        var fields = HTTPFields()
        if let token { fields[HTTPField.Name("Circle-Token")!] = token }
        fields[.accept] = "application/json"
        if body != nil { fields[.contentType] = "application/json" }
        let request = HTTPRequest(method: method, scheme: authority == nil ? nil : "https", authority: authority,
                                  path: path, headerFields: fields)
        let (response, data) = try await transport.send(request, body: body.map { Data($0.utf8) },
                                                        baseURL: Simulator.apiBaseURL, operationID: "test")
        return Reply(status: response.status.code, headers: response.headerFields, body: data)
    }

    /// Every item of a paginated list, following `next_page_token`.
    func all(_ path: String) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var token: String?
        repeat {
            let separator = path.contains("?") ? "&" : "?"
            let page = try await call(.get, token.map { path + separator + "page-token=" + $0 } ?? path)
            items += page.items
            token = page.nextPageToken
        } while token != nil
        return items
    }
}
