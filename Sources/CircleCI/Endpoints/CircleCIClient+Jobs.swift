import Foundation

extension CircleCIClient {
    /// A job's details by project and job number (`getJobDetails`).
    ///
    /// Approval jobs have a number but no details: the API answers 404.
    public func jobDetails(project: ProjectSlug, number: Int) async throws -> JobDetails {
        let number = try Identifier.number(number, name: "job number", operationID: "getJobDetails")
        return try await fetch(
            JobDetails.self,
            APIRequest(
                operationID: "getJobDetails", path: "/project/\(project.pathComponent)/job/\(number)",
                subject: "job \(number) of \(project)"))
    }

    /// A job by ID (`getJob`).
    public func job(id: String) async throws -> JobSummary {
        let id = try Identifier.uuid(id, name: "job ID", operationID: "getJob")
        return try await fetch(JobSummary.self, APIRequest(operationID: "getJob", path: "/jobs/\(id)", subject: "job \(id)"))
    }

    /// The artifacts a job stored (`getJobArtifacts`).
    public func artifacts(project: ProjectSlug, jobNumber: Int) -> Paginated<Artifact> {
        paginate(Artifact.self) {
            let number = try Identifier.number(jobNumber, name: "job number", operationID: "getJobArtifacts")
            return APIRequest(
                operationID: "getJobArtifacts", path: "/project/\(project.pathComponent)/\(number)/artifacts",
                subject: "job \(number) of \(project)")
        }
    }

    /// The test results of a job (`getTests`).
    public func tests(project: ProjectSlug, jobNumber: Int) -> Paginated<TestResult> {
        paginate(TestResult.self) {
            let number = try Identifier.number(jobNumber, name: "job number", operationID: "getTests")
            return APIRequest(
                operationID: "getTests", path: "/project/\(project.pathComponent)/\(number)/tests",
                subject: "job \(number) of \(project)")
        }
    }
}
