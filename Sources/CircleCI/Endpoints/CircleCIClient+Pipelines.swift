import Foundation

extension CircleCIClient {
    /// The pipelines of a project, newest first (`listPipelinesForProject`).
    ///
    /// - Parameters:
    ///   - project: the project.
    ///   - branch: only pipelines of this branch (an exact name; `/` is fine).
    public func pipelines(project: ProjectSlug, branch: String? = nil) -> Paginated<Pipeline> {
        paginate(Pipeline.self) {
            APIRequest(
                operationID: "listPipelinesForProject", path: "/project/\(project.pathComponent)/pipeline",
                query: branch.map { [URLQueryItem(name: "branch", value: $0)] } ?? [],
                subject: "project \(project)")
        }
    }

    /// The pipelines of a project that the current user triggered (`listMyPipelines`).
    public func myPipelines(project: ProjectSlug) -> Paginated<Pipeline> {
        paginate(Pipeline.self) {
            APIRequest(
                operationID: "listMyPipelines", path: "/project/\(project.pathComponent)/pipeline/mine",
                subject: "project \(project)")
        }
    }

    /// Pipelines of the most recently built projects (at most 250) you follow in an
    /// organization (`listPipelines`).
    ///
    /// - Parameters:
    ///   - orgSlug: the organization, e.g. `gh/acme` or `circleci/<org-id>`.
    ///   - mine: `true` for only the pipelines you triggered (the API's "Only include
    ///     entries created by your user"); `false`, like `nil`, filters nothing.
    public func orgPipelines(orgSlug: String, mine: Bool? = nil) -> Paginated<Pipeline> {
        paginate(Pipeline.self) {
            let org = try OrgSlug(orgSlug)
            var query = [URLQueryItem(name: "org-slug", value: org.description)]
            if let mine { query.append(URLQueryItem(name: "mine", value: String(mine))) }
            return APIRequest(operationID: "listPipelines", path: "/pipeline", query: query, subject: "organization \(org)")
        }
    }

    /// A pipeline by ID (`getPipelineById`).
    public func pipeline(id: String) async throws -> Pipeline {
        let id = try Identifier.uuid(id, name: "pipeline ID", operationID: "getPipelineById")
        return try await fetch(
            Pipeline.self, APIRequest(operationID: "getPipelineById", path: "/pipeline/\(id)", subject: "pipeline \(id)"))
    }

    /// A pipeline by project and number (`getPipelineByNumber`).
    public func pipeline(project: ProjectSlug, number: Int) async throws -> Pipeline {
        let number = try Identifier.number(number, name: "pipeline number", operationID: "getPipelineByNumber")
        return try await fetch(
            Pipeline.self,
            APIRequest(
                operationID: "getPipelineByNumber", path: "/project/\(project.pathComponent)/pipeline/\(number)",
                subject: "pipeline \(number) of \(project)"))
    }

    /// A pipeline's configuration, before and after compilation (`getPipelineConfigById`).
    public func pipelineConfig(pipelineID: String) async throws -> PipelineConfig {
        let id = try Identifier.uuid(pipelineID, name: "pipeline ID", operationID: "getPipelineConfigById")
        return try await fetch(
            PipelineConfig.self,
            APIRequest(operationID: "getPipelineConfigById", path: "/pipeline/\(id)/config", subject: "pipeline \(id)"))
    }

    /// A pipeline's values, e.g. `pipeline.git.branch` (`getPipelineValuesById`).
    public func pipelineValues(pipelineID: String) async throws -> [String: JSONValue] {
        let id = try Identifier.uuid(pipelineID, name: "pipeline ID", operationID: "getPipelineValuesById")
        return try await fetch(
            [String: JSONValue].self,
            APIRequest(operationID: "getPipelineValuesById", path: "/pipeline/\(id)/values", subject: "pipeline \(id)"))
    }
}
