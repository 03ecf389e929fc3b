import Foundation

/// Whose contexts to list (`listContexts`).
public enum ContextOwner: Sendable, Hashable {
    /// An organization by ID (`owner-id`); on CircleCI server pass `type: .account`.
    case id(String, type: OwnerType = .organization)
    /// An organization by slug (`owner-slug`); not supported on CircleCI server.
    case slug(OrgSlug)

    /// The `owner-type` query parameter.
    public enum OwnerType: String, Sendable, Hashable {
        /// A CircleCI server account.
        case account
        /// An organization (the default).
        case organization
    }
}

extension CircleCIClient {
    /// The contexts of an organization (`listContexts`).
    public func contexts(owner: ContextOwner) -> Paginated<Context> {
        paginate(Context.self) {
            switch owner {
            case .id(let id, let type):
                let id = try Identifier.uuid(id, name: "owner ID", operationID: "listContexts")
                return APIRequest(
                    operationID: "listContexts", path: "/context",
                    query: [URLQueryItem(name: "owner-id", value: id), URLQueryItem(name: "owner-type", value: type.rawValue)],
                    subject: "contexts of \(id)")
            case .slug(let slug):
                return APIRequest(
                    operationID: "listContexts", path: "/context",
                    query: [URLQueryItem(name: "owner-slug", value: slug.description)], subject: "contexts of \(slug)")
            }
        }
    }

    /// A context by ID (`getContext`).
    public func context(id: String) async throws -> Context {
        let id = try Identifier.uuid(id, name: "context ID", operationID: "getContext")
        return try await fetch(Context.self, APIRequest(operationID: "getContext", path: "/context/\(id)", subject: "context \(id)"))
    }

    /// The environment variable names of a context (`listEnvironmentVariablesFromContext`).
    public func contextEnvironmentVariables(contextID: String) -> Paginated<ContextEnvironmentVariable> {
        paginate(ContextEnvironmentVariable.self) {
            let id = try Identifier.uuid(contextID, name: "context ID", operationID: "listEnvironmentVariablesFromContext")
            return APIRequest(
                operationID: "listEnvironmentVariablesFromContext", path: "/context/\(id)/environment-variable",
                subject: "context \(id)")
        }
    }

    /// The restrictions of a context (`getContextRestrictions`).
    public func contextRestrictions(contextID: String) -> Paginated<ContextRestriction> {
        paginate(ContextRestriction.self) {
            let id = try Identifier.uuid(contextID, name: "context ID", operationID: "getContextRestrictions")
            return APIRequest(operationID: "getContextRestrictions", path: "/context/\(id)/restrictions", subject: "context \(id)")
        }
    }
}
