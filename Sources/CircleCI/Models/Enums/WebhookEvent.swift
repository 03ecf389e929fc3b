import Foundation

/// An event that triggers an outbound webhook (`Webhook.events`).
public struct WebhookEvent: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `workflow-completed`.
    public static let workflowCompleted: Self = "workflow-completed"
    /// `job-completed`.
    public static let jobCompleted: Self = "job-completed"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.workflowCompleted, .jobCompleted]
}
