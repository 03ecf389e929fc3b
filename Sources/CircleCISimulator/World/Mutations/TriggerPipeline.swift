import Foundation

extension World {
    /// `POST /project/{slug}/pipeline`: a new pipeline at the top of the list
    /// whose workflows have just started.
    mutating func triggerPipeline(project: Project, branch: String?, tag: String?,
                                  parameters: [PipelineParameter]) throws(APIError) -> Pipeline {
        guard project.vcsType != .circleci else {
            throw .badRequest("Triggering a pipeline with this endpoint is not supported for GitLab or GitHub App "
                              + "projects; use the pipeline run endpoint instead.")
        }
        if branch != nil, tag != nil { throw .badRequest("You may specify either a branch or a tag, not both.") }
        let ref = branch ?? (tag == nil ? project.defaultBranch : nil)
        var random = mutationRandom()
        let existing = pipelines(of: project)
        let head = existing.first { ref != nil ? $0.vcs.branch == ref : $0.vcs.tag == tag }
        let created = tick()
        let pipeline = Pipeline(
            id: random.uuid(), projectID: project.id, number: (existing.map(\.number).max() ?? 0) + 1,
            createdAt: created, updatedAt: created, state: .created, errors: [], triggerType: .api,
            actorID: currentUserID,
            vcs: PipelineVCS(revision: head?.vcs.revision ?? random.hex(40), branch: ref, tag: tag,
                             subject: head?.vcs.subject ?? "Triggered via the API", body: head?.vcs.body,
                             reviewID: nil),
            parameters: parameters, scheduleName: nil)
        pipelines[pipeline.id] = pipeline
        pipelineIDsByProject[project.id, default: []].insert(pipeline.id, at: 0)
        workflowIDsByPipeline[pipeline.id] = []
        guard let blueprint = blueprint(of: project) else { return pipeline }
        var templates = [WorkflowTemplates.buildAndTest(for: blueprint.language)]
        if tag != nil || ref == project.defaultBranch || (ref != nil && ref == blueprint.releaseBranch) {
            templates.append(WorkflowTemplates.deploy)
        }
        for template in templates {
            _ = startWorkflow(template, in: pipeline, project: project)
        }
        return pipelines[pipeline.id] ?? pipeline
    }
}
