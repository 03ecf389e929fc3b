import Foundation

/// Workflow and job reads.
enum WorkflowEndpoints {
    static let routes: [Route] = [
        .get("/workflow/{id}", "getWorkflowById") { world, context throws(APIError) in
            .json(try world.requireWorkflow(id: context.parameter("id")).json(in: world))
        },
        .get("/workflow/{id}/job", "listWorkflowJobs") { world, context throws(APIError) in
            let workflow = try world.requireWorkflow(id: context.parameter("id"))
            return try Pagination.response(world.jobs(of: workflow), list: "jobs/\(workflow.id)", context: context,
                                           key: \.id.lowercasedString) { $0.workflowItemJSON(in: world) }
        },
        .get("/jobs/{job_id}", "getJob") { world, context throws(APIError) in
            .json(try world.requireJob(id: context.parameter("job_id")).byIDJSON)
        },
        .get("/project/{project-slug}/job/{job-number}", "getJobDetails") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            let job = try world.requireJob(project: project, number: context.parameter("job-number"))
            // Approval jobs carry a number but have no details, as on CircleCI.
            guard job.type == .build else { throw .notFound("Job") }
            return .json(job.detailsJSON(in: world))
        },
        .get("/project/{project-slug}/{job-number}/artifacts", "getJobArtifacts") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            let job = try world.requireJob(project: project, number: context.parameter("job-number"))
            let items = Array(job.artifacts.enumerated())
            return try Pagination.response(items, list: "artifacts/\(job.id)", context: context,
                                           key: { String($0.offset) }) { $0.element.json(jobID: job.id) }
        },
        .get("/project/{project-slug}/{job-number}/tests", "getTests") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            let job = try world.requireJob(project: project, number: context.parameter("job-number"))
            let items = Array(job.tests.enumerated())
            return try Pagination.response(items, list: "tests/\(job.id)", context: context,
                                           key: { String($0.offset) }) { $0.element.json }
        },
    ]
}
