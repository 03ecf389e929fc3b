import Foundation

/// One of the OpenAPI documents in `Fixtures/`, with schema lookup by
/// operation id and status.
struct OpenAPIDocument: Sendable {
    let root: JSONValue

    static let v2026 = load("openapi-v2")
    static let v2025 = load("openapi-v2-2025-10-docs-bundle")

    /// The job-by-number endpoints exist only in the 2025 bundle.
    static func document(for operationID: String) -> OpenAPIDocument {
        ["getJobDetails", "getJobArtifacts", "getTests"].contains(operationID) ? v2025 : v2026
    }

    private static func load(_ name: String) -> OpenAPIDocument {
        let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures")
        let data = url.flatMap { try? Data(contentsOf: $0) } ?? Data()
        return OpenAPIDocument(root: (try? JSONValue.parse(data)) ?? .null)
    }

    /// The JSON response schema of `operationID` for `status` (or `default`).
    func responseSchema(operationID: String, status: Int) -> JSONValue? {
        guard case let .object(paths, _) = root["paths"] ?? .null else { return nil }
        for (_, item) in paths {
            guard case let .object(operations, _) = item else { continue }
            for (_, operation) in operations where operation["operationId"]?.string == operationID {
                let responses = operation["responses"]
                let response = responses?[String(status)] ?? responses?["default"]
                guard let resolved = response.map(resolve) else { return nil }
                return resolved["content"]?["application/json"]?["schema"]
            }
        }
        return nil
    }

    /// Follows `$ref` until a schema without one.
    func resolve(_ schema: JSONValue) -> JSONValue {
        var current = schema
        var hops = 0
        while let ref = current["$ref"]?.string, ref.hasPrefix("#/"), hops < 32 {
            var node: JSONValue? = root
            for part in ref.dropFirst(2).split(separator: "/") {
                node = node?[part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
            }
            current = node ?? .null
            hops += 1
        }
        return current
    }
}
