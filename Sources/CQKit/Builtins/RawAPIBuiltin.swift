import CQ
import CircleCI
import Foundation

/// `api(path, params)`: any GET of the API, as raw JSON values.
struct RawAPIBuiltin {
    let session: APISession

    var builtin: Builtin {
        Builtin(
            "api", kind: .source,
            parameters: [
                Parameter("path", .string, summary: "a path under /api/v2, e.g. \"/pipeline/ID/values\""),
                Parameter("params", .record(RecordSchema(name: "", fields: [])), required: false, summary: "query parameters"),
            ],
            summary: "Any GET of the CircleCI API v2, authenticated, as raw JSON (one page; pass `page-token` to page).",
            details: "Reaches every read of the API the typed builtins do not cover; lists come back as `{items, next_page_token}`.",
            examples: ["api(\"/me\")", "api(\"/project/gh/acme/api/pipeline\", {branch: \"main\"}).items | take 3"],
            result: .fixed(.any), effect: .readsAPI, endpoints: [APIEndpoints.raw],
            implementation: .function { invocation in
                var path = try invocation.requiredString("path")
                if !path.hasPrefix("/") { path = "/" + path }
                if path.hasPrefix("/api/v2/") { path.removeFirst("/api/v2".count) }
                var query: [URLQueryItem] = []
                if case .record(let params)? = invocation["params"] {
                    for (key, value) in params.fields {
                        if case .list(let values) = value {
                            query += values.map { URLQueryItem(name: key, value: $0.plainText) }
                        } else {
                            query.append(URLQueryItem(name: key, value: value.plainText))
                        }
                    }
                }
                let data = try await APIErrors.mapping { try await session.client.get(path, query: query) }
                do {
                    return .value(try JSONParser.parse(Array(data)))
                } catch {
                    throw BuiltinError("the response to GET \(path) is not JSON: \(error)", kind: .runtime)
                }
            })
    }
}
