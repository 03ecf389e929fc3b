import Foundation

/// The flaky tests of a project (`getFlakyTests`).
///
/// The document spells the fields in kebab-case (`flaky-tests`), but the API
/// really answers in snake_case (`flaky_tests`). Both decode; encoding writes
/// the snake_case names the API sends.
public struct FlakyTests: Codable, Sendable, Hashable {
    /// Every instance of a flake. A test stops counting as flaky 2 weeks after it last flaked.
    public var flakyTests: [FlakyTest]
    /// The number of unique tests that have flaked.
    public var totalFlakyTests: Double

    /// Creates a flaky-test report from its fields.
    public init(flakyTests: [FlakyTest], totalFlakyTests: Double) {
        self.flakyTests = flakyTests
        self.totalFlakyTests = totalFlakyTests
    }

    enum CodingKeys: String, CodingKey {
        case flakyTests = "flaky_tests"
        case totalFlakyTests = "total_flaky_tests"
    }

    /// Decodes the snake_case or the kebab-case spelling.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FlexibleKey.self)
        flakyTests = try container.decodeEither([FlakyTest].self, CodingKeys.flakyTests.rawValue)
        totalFlakyTests = try container.decodeEither(Double.self, CodingKeys.totalFlakyTests.rawValue)
    }
}

/// One flake of a test (an item of ``FlakyTests/flakyTests``).
public struct FlakyTest: Codable, Sendable, Hashable {
    /// The time, in seconds, wasted by the flaky runs.
    public var timeWasted: Int?
    /// When the workflow was created, as the API sends it.
    public var workflowCreatedAt: String
    /// The ID of the workflow the flake happened in.
    public var workflowID: String
    /// The class the test belongs to.
    @ExplicitNull public var classname: String?
    /// The number of the pipeline.
    public var pipelineNumber: Int
    /// The name of the workflow.
    public var workflowName: String
    /// The name of the test.
    public var testName: String
    /// The name of the job.
    public var jobName: String
    /// The number of the job.
    public var jobNumber: Int
    /// The number of times the test flaked.
    public var timesFlaked: Int
    /// The source of the test.
    @ExplicitNull public var source: String?
    /// The file the test belongs to.
    @ExplicitNull public var file: String?

    /// Creates a flaky test from its fields.
    public init(
        timeWasted: Int? = nil, workflowCreatedAt: String, workflowID: String, classname: String? = nil,
        pipelineNumber: Int, workflowName: String, testName: String, jobName: String, jobNumber: Int,
        timesFlaked: Int, source: String? = nil, file: String? = nil
    ) {
        self.timeWasted = timeWasted
        self.workflowCreatedAt = workflowCreatedAt
        self.workflowID = workflowID
        self.classname = classname
        self.pipelineNumber = pipelineNumber
        self.workflowName = workflowName
        self.testName = testName
        self.jobName = jobName
        self.jobNumber = jobNumber
        self.timesFlaked = timesFlaked
        self.source = source
        self.file = file
    }

    enum CodingKeys: String, CodingKey {
        case timeWasted = "time_wasted"
        case workflowCreatedAt = "workflow_created_at"
        case workflowID = "workflow_id"
        case classname
        case pipelineNumber = "pipeline_number"
        case workflowName = "workflow_name"
        case testName = "test_name"
        case jobName = "job_name"
        case jobNumber = "job_number"
        case timesFlaked = "times_flaked"
        case source
        case file
    }

    /// Decodes the snake_case or the kebab-case spelling.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FlexibleKey.self)
        timeWasted = try container.decodeEitherIfPresent(Int.self, CodingKeys.timeWasted.rawValue)
        workflowCreatedAt = try container.decodeEither(String.self, CodingKeys.workflowCreatedAt.rawValue)
        workflowID = try container.decodeEither(String.self, CodingKeys.workflowID.rawValue)
        _classname = ExplicitNull(wrappedValue: try container.decodeEitherIfPresent(String.self, CodingKeys.classname.rawValue))
        pipelineNumber = try container.decodeEither(Int.self, CodingKeys.pipelineNumber.rawValue)
        workflowName = try container.decodeEither(String.self, CodingKeys.workflowName.rawValue)
        testName = try container.decodeEither(String.self, CodingKeys.testName.rawValue)
        jobName = try container.decodeEither(String.self, CodingKeys.jobName.rawValue)
        jobNumber = try container.decodeEither(Int.self, CodingKeys.jobNumber.rawValue)
        timesFlaked = try container.decodeEither(Int.self, CodingKeys.timesFlaked.rawValue)
        _source = ExplicitNull(wrappedValue: try container.decodeEitherIfPresent(String.self, CodingKeys.source.rawValue))
        _file = ExplicitNull(wrappedValue: try container.decodeEitherIfPresent(String.self, CodingKeys.file.rawValue))
    }
}
