import Foundation
import Testing

/// The validator must catch what conformance relies on it to catch.
@Suite struct SchemaValidatorTests {
    let pipelineSchema = OpenAPIDocument.v2026.responseSchema(operationID: "getPipelineById", status: 200)

    static let validPipeline = """
        {"id":"5034460f-c7c4-4c43-9457-de07e2029e7b","errors":[],"warnings":[],"project_slug":"gh/a/b",
         "number":1,"state":"created","created_at":"2025-01-01T00:00:00.000Z",
         "trigger":{"type":"api","received_at":"2025-01-01T00:00:00Z","actor":{"login":"x","avatar_url":null}}}
        """

    static let brokenPipelines: [(String, String)] = [
        ("invented field", validPipeline.replacingOccurrences(of: "\"number\":1,", with: "\"number\":1,\"color\":\"red\",")),
        ("missing required", validPipeline.replacingOccurrences(of: "\"number\":1,", with: "")),
        ("bad enum", validPipeline.replacingOccurrences(of: "\"created\"", with: "\"failed\"")),
        ("bad uuid", validPipeline.replacingOccurrences(of: "5034460f-c7c4", with: "zzzz")),
        ("bad date", validPipeline.replacingOccurrences(of: "2025-01-01T00:00:00.000Z", with: "yesterday")),
        ("number as string", validPipeline.replacingOccurrences(of: "\"number\":1", with: "\"number\":\"1\"")),
        ("null not nullable", validPipeline.replacingOccurrences(of: "\"login\":\"x\"", with: "\"login\":null")),
    ]

    @Test func acceptsAValidPipeline() throws {
        let schema = try #require(pipelineSchema)
        let errors = SchemaValidator(document: .v2026).validate(try JSONValue.parse(Data(Self.validPipeline.utf8)),
                                                                against: schema)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test(arguments: brokenPipelines.map(\.0))
    func rejects(_ defect: String) throws {
        let schema = try #require(pipelineSchema)
        let text = try #require(Self.brokenPipelines.first { $0.0 == defect }?.1)
        let errors = SchemaValidator(document: .v2026).validate(try JSONValue.parse(Data(text.utf8)), against: schema)
        #expect(!errors.isEmpty)
    }
}
