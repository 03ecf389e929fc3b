import Foundation

/// Test metrics of a workflow, computed from its 10 most recent runs
/// (`getProjectWorkflowTestMetrics`).
public struct TestMetrics: Codable, Sendable, Hashable {
    /// The average number of tests executed per run
    public var averageTestCount: Int
    /// Metrics for the most frequently failing tests
    public var mostFailedTests: [Test]
    /// The number of tests with the same success rate being omitted from most_failed_tests
    public var mostFailedTestsExtra: Int
    /// Metrics for the slowest running tests
    public var slowestTests: [Test]
    /// The number of tests with the same duration rate being omitted from slowest_tests
    public var slowestTestsExtra: Int
    /// The total number of test runs
    public var totalTestRuns: Int
    /// Test counts grouped by pipeline number and workflow id
    public var testRuns: [TestRun]

    /// Creates a `TestMetrics` from its fields.
    public init(
        averageTestCount: Int,
        mostFailedTests: [Test],
        mostFailedTestsExtra: Int,
        slowestTests: [Test],
        slowestTestsExtra: Int,
        totalTestRuns: Int,
        testRuns: [TestRun]
    ) {
        self.averageTestCount = averageTestCount
        self.mostFailedTests = mostFailedTests
        self.mostFailedTestsExtra = mostFailedTestsExtra
        self.slowestTests = slowestTests
        self.slowestTestsExtra = slowestTestsExtra
        self.totalTestRuns = totalTestRuns
        self.testRuns = testRuns
    }

    enum CodingKeys: String, CodingKey {
        case averageTestCount = "average_test_count"
        case mostFailedTests = "most_failed_tests"
        case mostFailedTestsExtra = "most_failed_tests_extra"
        case slowestTests = "slowest_tests"
        case slowestTestsExtra = "slowest_tests_extra"
        case totalTestRuns = "total_test_runs"
        case testRuns = "test_runs"
    }
}

extension TestMetrics {
    /// Metrics for the most frequently failing tests
    public struct Test: Codable, Sendable, Hashable {
        /// The 95th percentile duration, in seconds, among a group of test runs.
        @ExplicitNull public var p95Duration: Double?
        /// The total number of times the test was run.
        public var totalRuns: Int
        /// The class the test belongs to.
        @ExplicitNull public var classname: String?
        /// The number of times the test failed
        public var failedRuns: Int
        /// Whether the test is flaky.
        public var flaky: Bool
        /// The source of the test.
        @ExplicitNull public var source: String?
        /// The file the test belongs to.
        @ExplicitNull public var file: String?
        /// The name of the job.
        public var jobName: String
        /// The name of the test.
        public var testName: String

        /// Creates a `Test` from its fields.
        public init(
            p95Duration: Double? = nil,
            totalRuns: Int,
            classname: String? = nil,
            failedRuns: Int,
            flaky: Bool,
            source: String? = nil,
            file: String? = nil,
            jobName: String,
            testName: String
        ) {
            self.p95Duration = p95Duration
            self.totalRuns = totalRuns
            self.classname = classname
            self.failedRuns = failedRuns
            self.flaky = flaky
            self.source = source
            self.file = file
            self.jobName = jobName
            self.testName = testName
        }

        enum CodingKeys: String, CodingKey {
            case p95Duration = "p95_duration"
            case totalRuns = "total_runs"
            case classname
            case failedRuns = "failed_runs"
            case flaky
            case source
            case file
            case jobName = "job_name"
            case testName = "test_name"
        }
    }
}

extension TestMetrics {
    /// Test counts grouped by pipeline number and workflow id
    public struct TestRun: Codable, Sendable, Hashable {
        /// The number of the pipeline associated with the provided test counts
        public var pipelineNumber: Int
        /// The ID of the workflow associated with the provided test counts
        public var workflowID: String
        /// The success rate calculated from test counts
        public var successRate: Double
        /// Test counts for a given pipeline number
        public var testCounts: TestCounts

        /// Creates a `TestRun` from its fields.
        public init(pipelineNumber: Int, workflowID: String, successRate: Double, testCounts: TestCounts) {
            self.pipelineNumber = pipelineNumber
            self.workflowID = workflowID
            self.successRate = successRate
            self.testCounts = testCounts
        }

        enum CodingKeys: String, CodingKey {
            case pipelineNumber = "pipeline_number"
            case workflowID = "workflow_id"
            case successRate = "success_rate"
            case testCounts = "test_counts"
        }
    }
}

extension TestMetrics.TestRun {
    /// Test counts for a given pipeline number
    public struct TestCounts: Codable, Sendable, Hashable {
        /// The number of tests with the error status
        public var error: Int
        /// The number of tests with the failure status
        public var failure: Int
        /// The number of tests with the skipped status
        public var skipped: Int
        /// The number of tests with the success status
        public var success: Int
        /// The total number of tests
        public var total: Int

        /// Creates a `TestCounts` from its fields.
        public init(error: Int, failure: Int, skipped: Int, success: Int, total: Int) {
            self.error = error
            self.failure = failure
            self.skipped = skipped
            self.success = success
            self.total = total
        }

        enum CodingKeys: String, CodingKey {
            case error
            case failure
            case skipped
            case success
            case total
        }
    }
}
