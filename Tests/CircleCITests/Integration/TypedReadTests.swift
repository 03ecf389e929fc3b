import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// One typed read of the client, run against the simulator over HTTP.
struct TypedRead: Sendable, CustomTestStringConvertible {
    /// The OpenAPI operation the call must reach.
    let operationID: String
    /// What the row checks, for the test report.
    let label: String
    /// Calls the client and checks what came back.
    let run: @Sendable (SharedSimulator.World) async throws -> Void

    init(_ operationID: String, _ label: String, _ run: @escaping @Sendable (SharedSimulator.World) async throws -> Void) {
        self.operationID = operationID
        self.label = label
        self.run = run
    }

    var testDescription: String { "\(operationID): \(label)" }

    /// Every row.
    static let all = pipelineReads + jobReads + projectReads + accountReads + insightsReads
}

/// Every typed `GET` of the client decodes what the simulator serves, and the
/// IDs link up. Rows run one at a time so each can read the request log.
@Suite("Typed reads against the simulator", .sharedSimulator, .serialized)
struct TypedReadTests {
    @Test(arguments: TypedRead.all)
    func readDecodesAndLinksUp(_ read: TypedRead) async throws {
        let world = try SharedSimulator.world()
        await world.live.log.reset()
        try await read.run(world)
        let entries = await world.live.log.entries
        #expect(entries.contains { $0.operationID == read.operationID }, "never reached \(read.operationID)")
        for entry in entries {
            #expect(entry.status == 200, "\(entry.method) \(entry.path)?\(entry.query) answered \(entry.status)")
            #expect(entry.authPresented == (entry.host == .api), "credentials on \(entry.host) \(entry.path)")
        }
    }

    /// The table covers every typed read the client offers.
    @Test func everyTypedReadHasARow() {
        let covered = Set(TypedRead.all.map(\.operationID))
        let typedReads: Set<String> = [
            "listPipelinesForProject", "listMyPipelines", "listPipelines", "getPipelineById", "getPipelineByNumber",
            "getPipelineConfigById", "getPipelineValuesById", "listWorkflowsByPipelineId", "getWorkflowById",
            "listWorkflowJobs", "getJob", "getJobDetails", "getTests", "getJobArtifacts", "getBuildV1",
            "getStepOutput", "getProjectBySlug", "getProjectSettings", "listEnvVars", "getEnvVar", "listCheckoutKeys",
            "getCheckoutKey", "listSchedulesForProject", "getScheduleById", "getCurrentUser", "getCollaborations",
            "getUser", "getOrganization", "listContexts", "getContext", "listEnvironmentVariablesFromContext",
            "getContextRestrictions", "getWebhooks", "getWebhookById", "getProjectWorkflowMetrics",
            "getProjectWorkflowRuns", "getProjectWorkflowJobMetrics", "getWorkflowSummary",
            "getProjectWorkflowTestMetrics", "getFlakyTests", "getAllInsightsBranches", "getJobTimeseries",
            "getOrgSummaryData", "getProjectWorkflowsPageData",
        ]
        #expect(typedReads.subtracting(covered).isEmpty, "no row for \(typedReads.subtracting(covered).sorted())")
    }
}

/// Checks that an open enumeration holds a value the API document lists.
func expectKnown<Value: OpenEnumeration>(
    _ value: Value, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(value.isKnown, "\(what) `\(value)` is not in the API document", sourceLocation: sourceLocation)
}

/// `true` when `values` are strictly decreasing.
func isStrictlyDecreasing(_ values: [Int]) -> Bool {
    zip(values, values.dropFirst()).allSatisfy { $0 > $1 }
}
