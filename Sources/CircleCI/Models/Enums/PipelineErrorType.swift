import Foundation

/// The kind of an error recorded on a pipeline (`Pipeline.errors[].type`).
public struct PipelineErrorType: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `config`.
    public static let config: Self = "config"
    /// `invalid-trigger-setup`.
    public static let invalidTriggerSetup: Self = "invalid-trigger-setup"
    /// `config-fetch`.
    public static let configFetch: Self = "config-fetch"
    /// `timeout`.
    public static let timeout: Self = "timeout"
    /// `permission`.
    public static let permission: Self = "permission"
    /// `other`.
    public static let other: Self = "other"
    /// `trigger-rule`.
    public static let triggerRule: Self = "trigger-rule"
    /// `plan`.
    public static let plan: Self = "plan"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.config, .invalidTriggerSetup, .configFetch, .timeout, .permission, .other, .triggerRule, .plan]
}
