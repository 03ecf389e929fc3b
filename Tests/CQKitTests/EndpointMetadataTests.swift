import CQ
import CQKit
import CircleCI
import Foundation
import HTTPTypes
import Synchronization
import Testing

/// The requests each builtin declares (what `cq explain` shows and the
/// planner relies on) are the requests it really makes.
@Suite(.timeLimit(.minutes(3))) struct EndpointMetadataTests {
    @Test func everyBuiltinThatCallsTheAPIDeclaresItsRequests() {
        let registry = Harness().engine.registry
        let undeclared = registry.builtins.filter { $0.effect != .pure && $0.effect != .readsFiles && $0.endpoints.isEmpty }
        #expect(undeclared.map(\.name) == [])
    }

    @Test(arguments: (BuiltinSchemaTests.reads + BuiltinSchemaTests.writes).map(\.builtin))
    func requestsMadeAreDeclared(_ name: String) async throws {
        let query = try #require((BuiltinSchemaTests.reads + BuiltinSchemaTests.writes).first { $0.builtin == name }?.query)
        let recorder = RequestRecorder()
        let writes = BuiltinSchemaTests.writes.contains { $0.builtin == name }
        let harness = Harness(allowWrites: writes, middlewares: [recorder])
        let registry = harness.engine.registry
        // Earlier statements reach the builtin under test; only its own requests are checked.
        let statements = query.split(separator: "\n").map(String.init)
        var environment = Environment()
        var bindings = Checker.Bindings()
        for setup in statements.dropLast() {
            _ = try await harness.engine.run(try harness.engine.compile(SourceFile(name: "setup", text: setup), bindings: &bindings), in: &environment)
        }
        let last = try harness.engine.compile(SourceFile(name: "query", text: statements.last ?? ""), bindings: &bindings)
        let calls = last.program.calledNames
        var declared = calls.compactMap { registry.builtin(named: $0) }.flatMap(\.endpoints)
        declared += registry.derivedFields(of: "Pipeline").flatMap(\.endpoints)
        recorder.reset()
        harness.metrics.reset()
        _ = try await harness.engine.run(last, in: &environment)?.collect()
        // The client's operation ids are the document's, as the metadata's are.
        let operations = Set(declared.map(\.operation))
        for operation in harness.metrics.snapshot.requestsByOperation.keys {
            let raw = operation.hasPrefix("GET /") && operations.contains("api")
            #expect(operations.contains(operation) || raw, "\(name) made \(operation), which it does not declare")
        }
        let requests = recorder.requests
        #expect(!requests.isEmpty)
        for (method, path) in requests {
            #expect(
                declared.contains { $0.method == method && Self.matches(path, template: $0.path) },
                "\(name): \(method) \(path) matches none of \(declared.map(\.path))")
        }
    }

    /// Whether `path` fits `template`, each `{…}` standing for one or more characters.
    static func matches(_ path: String, template: String) -> Bool {
        let pattern = template.split(separator: "{", omittingEmptySubsequences: false).enumerated().map { index, part in
            guard index > 0, let close = part.firstIndex(of: "}") else { return NSRegularExpression.escapedPattern(for: String(part)) }
            return ".+?" + NSRegularExpression.escapedPattern(for: String(part[part.index(after: close)...]))
        }.joined()
        return path.range(of: "^\(pattern)$", options: .regularExpression) != nil
    }
}

/// Records the method and path (without the query) of every request the client makes.
final class RequestRecorder: ClientMiddleware {
    private let recorded = Mutex<[(String, String)]>([])

    var requests: [(method: String, path: String)] { recorded.withLock { $0 } }

    func reset() { recorded.withLock { $0 = [] } }

    func intercept(
        _ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        // Step output comes from presigned URLs, declared as `{output_url}`.
        let path = request.path.map { String($0.prefix { $0 != "?" }) } ?? ""
        let recorded = operationID == "getStepOutput" ? "{output_url}" : baseURL.path.replacingOccurrences(of: "/api/v2", with: "") + path
        self.recorded.withLock { $0.append((request.method.rawValue, recorded)) }
        return try await next(request, body, baseURL)
    }
}
