import Foundation

/// One step on one parallel node, from API v1.1 (`steps[].actions[]`).
///
/// Fetch its log with ``CircleCIClient/stepOutput(_:)``. A timed-out step has
/// `null` ``failed`` and ``exitCode``.
public struct StepAction: Codable, Sendable, Hashable {
    /// The parallel node the action ran on.
    public var index: Int
    /// The position of the step in the job.
    public var step: Int
    /// The name of the step.
    public var name: String
    /// The status, e.g. `success`, `failed`, `running`, `timedout`.
    public var status: String
    /// Whether the action failed; `null` while unknown or after a timeout.
    @ExplicitNull public var failed: Bool?
    /// The exit code of the command; `null` for steps without one or after a timeout.
    @ExplicitNull public var exitCode: Int?
    /// Whether the action produced output.
    @ExplicitNull public var hasOutput: Bool?
    /// A presigned URL of the output, on another host; fetched without credentials.
    public var outputURL: String?
    /// When the action started.
    @ExplicitNull public var startTime: Date?
    /// When the action ended.
    @ExplicitNull public var endTime: Date?
    /// How long the action ran, in milliseconds.
    @ExplicitNull public var runTimeMillis: Int?
    /// Whether the action timed out.
    @ExplicitNull public var timedout: Bool?
    /// Whether the action failed because of CircleCI's infrastructure.
    @ExplicitNull public var infrastructureFail: Bool?
    /// Whether the action was canceled.
    @ExplicitNull public var canceled: Bool?
    /// Whether the output was truncated.
    @ExplicitNull public var truncated: Bool?
    /// The kind of action, e.g. `test`, `checkout`, `infrastructure`.
    @ExplicitNull public var type: String?
    /// The shell command the step ran.
    @ExplicitNull public var bashCommand: String?
    /// Whether the step ran in the background.
    @ExplicitNull public var background: Bool?
    /// Whether the step ran on every parallel node.
    @ExplicitNull public var parallel: Bool?
    /// Messages attached to the action.
    public var messages: [String]?

    /// Creates an action from its fields.
    public init(
        index: Int, step: Int, name: String, status: String, failed: Bool? = nil, exitCode: Int? = nil,
        hasOutput: Bool? = nil, outputURL: String? = nil, startTime: Date? = nil, endTime: Date? = nil,
        runTimeMillis: Int? = nil, timedout: Bool? = nil, infrastructureFail: Bool? = nil, canceled: Bool? = nil,
        truncated: Bool? = nil, type: String? = nil, bashCommand: String? = nil, background: Bool? = nil,
        parallel: Bool? = nil, messages: [String]? = nil
    ) {
        self.index = index
        self.step = step
        self.name = name
        self.status = status
        self.failed = failed
        self.exitCode = exitCode
        self.hasOutput = hasOutput
        self.outputURL = outputURL
        self.startTime = startTime
        self.endTime = endTime
        self.runTimeMillis = runTimeMillis
        self.timedout = timedout
        self.infrastructureFail = infrastructureFail
        self.canceled = canceled
        self.truncated = truncated
        self.type = type
        self.bashCommand = bashCommand
        self.background = background
        self.parallel = parallel
        self.messages = messages
    }

    enum CodingKeys: String, CodingKey {
        case index
        case step
        case name
        case status
        case failed
        case exitCode = "exit_code"
        case hasOutput = "has_output"
        case outputURL = "output_url"
        case startTime = "start_time"
        case endTime = "end_time"
        case runTimeMillis = "run_time_millis"
        case timedout
        case infrastructureFail = "infrastructure_fail"
        case canceled
        case truncated
        case type
        case bashCommand = "bash_command"
        case background
        case parallel
        case messages
    }
}
