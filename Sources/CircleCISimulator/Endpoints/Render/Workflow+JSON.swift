import Foundation

extension Workflow {
    /// The v2 workflow object.
    func json(in world: World) -> JSON {
        let pipeline = world.pipelines[pipelineID]
        var members: [(String, JSON)] = [
            ("pipeline_id", .uuid(pipelineID)),
            ("id", .uuid(id)),
            ("name", .string(name)),
            ("project_slug", .string(world.project(id: projectID)?.slug ?? "")),
        ]
        if let canceledBy { members.append(("canceled_by", .uuid(canceledBy))) }
        if let erroredBy { members.append(("errored_by", .uuid(erroredBy))) }
        members += [
            ("status", .string(status.rawValue)),
            ("started_by", .uuid(startedBy)),
            ("pipeline_number", .int(pipeline?.number ?? 0)),
            ("created_at", .date(createdAt)),
            ("stopped_at", .date(stoppedAt)),
        ]
        return .object(members)
    }
}
