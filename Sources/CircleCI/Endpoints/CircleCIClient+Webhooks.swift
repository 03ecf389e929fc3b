import Foundation

extension CircleCIClient {
    /// The outbound webhooks of a project, by project ID (`getWebhooks`, `scope-type=project`).
    public func webhooks(projectID: String) -> Paginated<Webhook> {
        paginate(Webhook.self) {
            let id = try Identifier.uuid(projectID, name: "project ID", operationID: "getWebhooks")
            return APIRequest(
                operationID: "getWebhooks", path: "/webhook",
                query: [URLQueryItem(name: "scope-id", value: id), URLQueryItem(name: "scope-type", value: "project")],
                subject: "webhooks of project \(id)")
        }
    }

    /// A webhook by ID (`getWebhookById`).
    public func webhook(id: String) async throws -> Webhook {
        let id = try Identifier.uuid(id, name: "webhook ID", operationID: "getWebhookById")
        return try await fetch(Webhook.self, APIRequest(operationID: "getWebhookById", path: "/webhook/\(id)", subject: "webhook \(id)"))
    }
}
