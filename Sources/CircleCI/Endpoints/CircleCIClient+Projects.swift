import Foundation

extension CircleCIClient {
    /// A project by slug (`getProjectBySlug`); use it to turn a slug into IDs.
    public func project(_ slug: ProjectSlug) async throws -> Project {
        try await fetch(
            Project.self,
            APIRequest(operationID: "getProjectBySlug", path: "/project/\(slug.pathComponent)", subject: "project \(slug)"))
    }

    /// A project's advanced settings (`getProjectSettings`).
    public func projectSettings(_ slug: ProjectSlug) async throws -> ProjectSettings {
        try await fetch(
            ProjectSettings.self,
            APIRequest(
                operationID: "getProjectSettings", path: "/project/\(slug.pathComponent)/settings",
                subject: "settings of project \(slug)"))
    }

    /// A project's environment variables, values masked (`listEnvVars`).
    public func environmentVariables(project: ProjectSlug) -> Paginated<EnvironmentVariable> {
        paginate(EnvironmentVariable.self) {
            APIRequest(operationID: "listEnvVars", path: "/project/\(project.pathComponent)/envvar", subject: "project \(project)")
        }
    }

    /// One environment variable of a project, value masked (`getEnvVar`).
    public func environmentVariable(project: ProjectSlug, name: String) async throws -> EnvironmentVariable {
        try await fetch(
            EnvironmentVariable.self,
            APIRequest(
                operationID: "getEnvVar", path: "/project/\(project.pathComponent)/envvar/\(PathSegment.encode(name))",
                subject: "environment variable \(name) of \(project)"))
    }

    /// A project's checkout keys (`listCheckoutKeys`).
    ///
    /// - Parameter digest: the fingerprint format; the API's default is MD5.
    public func checkoutKeys(project: ProjectSlug, digest: CheckoutKeyDigest? = nil) -> Paginated<CheckoutKey> {
        paginate(CheckoutKey.self) {
            APIRequest(
                operationID: "listCheckoutKeys", path: "/project/\(project.pathComponent)/checkout-key",
                query: digest.map { [URLQueryItem(name: "digest", value: $0.rawValue)] } ?? [],
                subject: "project \(project)")
        }
    }

    /// One checkout key by fingerprint (`getCheckoutKey`).
    public func checkoutKey(project: ProjectSlug, fingerprint: String) async throws -> CheckoutKey {
        try await fetch(
            CheckoutKey.self,
            APIRequest(
                operationID: "getCheckoutKey",
                path: "/project/\(project.pathComponent)/checkout-key/\(PathSegment.encode(fingerprint))",
                subject: "checkout key \(fingerprint) of \(project)"))
    }

    /// A project's schedules (`listSchedulesForProject`).
    public func schedules(project: ProjectSlug) -> Paginated<Schedule> {
        paginate(Schedule.self) {
            APIRequest(
                operationID: "listSchedulesForProject", path: "/project/\(project.pathComponent)/schedule",
                subject: "project \(project)")
        }
    }

    /// A schedule by ID (`getScheduleById`).
    public func schedule(id: String) async throws -> Schedule {
        let id = try Identifier.uuid(id, name: "schedule ID", operationID: "getScheduleById")
        return try await fetch(
            Schedule.self, APIRequest(operationID: "getScheduleById", path: "/schedule/\(id)", subject: "schedule \(id)"))
    }
}

/// The fingerprint format of checkout keys (`listCheckoutKeys` query `digest`).
public enum CheckoutKeyDigest: String, Sendable, Hashable, CaseIterable {
    /// SHA-256 fingerprints.
    case sha256
    /// MD5 fingerprints (the API's default).
    case md5
}
