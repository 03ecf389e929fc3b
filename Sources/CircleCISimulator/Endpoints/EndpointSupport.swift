import Foundation

/// Lookups every endpoint shares, each failing with CircleCI's message.
extension World {
    func requireProject(_ context: RequestContext) throws(APIError) -> Project {
        guard let project = project(slug: context.parameter("project-slug")) else { throw .notFound("Project") }
        return project
    }

    func requirePipeline(id text: String) throws(APIError) -> Pipeline {
        let id = try Self.uuid(text, entity: "Pipeline")
        guard let pipeline = pipelines[id] else { throw .notFound("Pipeline") }
        return pipeline
    }

    func requireWorkflow(id text: String) throws(APIError) -> Workflow {
        let id = try Self.uuid(text, entity: "Workflow")
        guard let workflow = workflows[id] else { throw .notFound("Workflow") }
        return workflow
    }

    func requireJob(id text: String) throws(APIError) -> Job {
        let id = try Self.uuid(text, entity: "Job")
        guard let job = jobs[id] else { throw .notFound("Job") }
        return job
    }

    func requireJob(project: Project, number text: String) throws(APIError) -> Job {
        guard let number = Int(text), let job = job(project: project, number: number) else { throw .notFound("Job") }
        return job
    }

    static func uuid(_ text: String, entity: String) throws(APIError) -> UUID {
        guard let id = UUID(uuidString: text) else { throw .badRequest("\(entity) ID provided is invalid.") }
        return id
    }

    /// The blueprint a project was generated from.
    func blueprint(of project: Project) -> ProjectBlueprint? {
        guard let organization = organization(project.organizationID) else { return nil }
        let key = organization.vcsType == .circleci ? "circleci/\(organization.name)" : organization.slug
        return WorldCatalog.projects.first { $0.organizationKey == key && $0.name == project.name }
    }
}

extension RequestContext {
    /// A boolean query parameter; anything but `true`/`false` is a 400.
    func boolQuery(_ name: String) throws(APIError) -> Bool? {
        guard let value = queryValue(name) else { return nil }
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .badRequest("Invalid value for \(name): \(value). Expected true or false.")
        }
    }
}
