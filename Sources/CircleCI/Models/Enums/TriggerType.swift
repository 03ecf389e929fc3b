import Foundation

/// What triggered a pipeline (`Pipeline.trigger.type`).
public struct TriggerType: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `scheduled_pipeline`.
    public static let scheduledPipeline: Self = "scheduled_pipeline"
    /// `explicit`.
    public static let explicit: Self = "explicit"
    /// `api`.
    public static let api: Self = "api"
    /// `webhook`.
    public static let webhook: Self = "webhook"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.scheduledPipeline, .explicit, .api, .webhook]
}
