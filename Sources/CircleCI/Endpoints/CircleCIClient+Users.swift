import Foundation

extension CircleCIClient {
    /// The user the token belongs to (`getCurrentUser`).
    public func me() async throws -> User {
        try await fetch(User.self, APIRequest(operationID: "getCurrentUser", path: "/me", subject: "the current user"))
    }

    /// The organizations the current user belongs to (`getCollaborations`; not paginated).
    public func collaborations() async throws -> [Collaboration] {
        try await fetch(
            [Collaboration].self,
            APIRequest(operationID: "getCollaborations", path: "/me/collaborations", subject: "your collaborations"))
    }

    /// A user by ID (`getUser`).
    public func user(id: String) async throws -> User {
        let id = try Identifier.uuid(id, name: "user ID", operationID: "getUser")
        return try await fetch(User.self, APIRequest(operationID: "getUser", path: "/user/\(id)", subject: "user \(id)"))
    }

    /// An organization by slug (`gh/acme`) or ID (`getOrganization`).
    public func organization(_ slugOrID: String) async throws -> Organization {
        let trimmed = slugOrID.trimmingCharacters(in: .whitespacesAndNewlines)
        let path = UUID(uuidString: trimmed) != nil ? trimmed.lowercased() : try OrgSlug(trimmed).pathComponent
        return try await fetch(
            Organization.self,
            APIRequest(operationID: "getOrganization", path: "/organization/\(path)", subject: "organization \(trimmed)"))
    }
}
