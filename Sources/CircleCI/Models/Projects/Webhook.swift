import Foundation

/// An outbound webhook (`getWebhooks`, `getWebhookById`).
public struct Webhook: Codable, Sendable, Hashable {
    /// The unique ID of the webhook.
    public var id: String
    /// Name of the webhook.
    public var name: String
    /// URL to deliver the webhook to. Note: protocol must be included as well (only https is
    /// supported).
    public var url: String
    /// Whether to enforce TLS certificate verification when delivering the webhook.
    public var verifyTLS: Bool
    /// Masked value of the secret used to build an HMAC hash of the payload and passed as a header
    /// in the webhook request.
    public var signingSecret: String
    /// Events that will trigger the webhook.
    public var events: [WebhookEvent]
    /// The scope in which the relevant events that will trigger webhooks.
    public var scope: Scope
    /// The date and time the webhook was created.
    public var createdAt: Date
    /// The date and time the webhook was last updated.
    public var updatedAt: Date

    /// Creates a `Webhook` from its fields.
    public init(
        id: String,
        name: String,
        url: String,
        verifyTLS: Bool,
        signingSecret: String,
        events: [WebhookEvent],
        scope: Scope,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.url = url
        self.verifyTLS = verifyTLS
        self.signingSecret = signingSecret
        self.events = events
        self.scope = scope
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case url
        case verifyTLS = "verify_tls"
        case signingSecret = "signing_secret"
        case events
        case scope
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

extension Webhook {
    /// The scope in which the relevant events that will trigger webhooks.
    public struct Scope: Codable, Sendable, Hashable {
        /// ID of the scope being used (at the moment, only project ID is supported).
        public var id: String
        /// Type of the scope being used.
        public var type: String

        /// Creates a `Scope` from its fields.
        public init(id: String, type: String) {
            self.id = id
            self.type = type
        }

        enum CodingKeys: String, CodingKey {
            case id
            case type
        }
    }
}
