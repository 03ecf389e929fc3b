import Foundation

/// The kind of a warning recorded on a pipeline (`Pipeline.warnings[].type`).
public struct PipelineWarningType: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `config-deprecated-syntax`.
    public static let configDeprecatedSyntax: Self = "config-deprecated-syntax"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.configDeprecatedSyntax]
}
