import Foundation

/// The result of one test in a job (`getTests`, from the 2025-10 document).
///
/// ``result`` is free text (`success`, `failure`, `skipped`, …). Some responses omit ``file`` and
/// some send ``runTime`` as a string; both decode.
public struct TestResult: Codable, Sendable, Hashable {
    /// The failure message associated with the test.
    @ExplicitNull public var message: String?
    /// The program that generated the test results
    public var source: String
    /// The time it took to run the test in seconds
    public var runTime: Double
    /// The file in which the test is defined.
    public var file: String?
    /// Indication of whether the test succeeded.
    public var result: String
    /// The name of the test.
    public var name: String
    /// The programmatic location of the test.
    public var classname: String

    /// Creates a `TestResult` from its fields.
    public init(
        message: String? = nil,
        source: String,
        runTime: Double,
        file: String? = nil,
        result: String,
        name: String,
        classname: String
    ) {
        self.message = message
        self.source = source
        self.runTime = runTime
        self.file = file
        self.result = result
        self.name = name
        self.classname = classname
    }

    enum CodingKeys: String, CodingKey {
        case message
        case source
        case runTime = "run_time"
        case file
        case result
        case name
        case classname
    }
}


extension TestResult {
    /// Decodes a test result leniently: a missing `file` is allowed and
    /// `run_time` may arrive as a number or as a numeric string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _message = ExplicitNull(wrappedValue: try container.decodeIfPresent(String.self, forKey: .message))
        source = try container.decode(String.self, forKey: .source)
        if let seconds = try? container.decode(Double.self, forKey: .runTime) {
            runTime = seconds
        } else {
            let text = try container.decode(String.self, forKey: .runTime)
            guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .runTime, in: container, debugDescription: "expected a number of seconds, found \"\(text)\"")
            }
            runTime = seconds
        }
        file = try container.decodeIfPresent(String.self, forKey: .file)
        result = try container.decode(String.self, forKey: .result)
        name = try container.decode(String.self, forKey: .name)
        classname = try container.decode(String.self, forKey: .classname)
    }
}
