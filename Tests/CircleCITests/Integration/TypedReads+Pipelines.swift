import CircleCI
import CircleCISimulator
import Foundation
import Testing

extension TypedRead {
    static let pipelineReads: [TypedRead] = [
        TypedRead("listPipelinesForProject", "newest first, all of the project") { world in
            let pipelines = try await world.client.pipelines(project: Landmarks.api).collect(limit: 20)
            #expect(pipelines.count == 20)
            #expect(isStrictlyDecreasing(pipelines.map(\.number)))
            for pipeline in pipelines {
                #expect(pipeline.projectSlug == "gh/acme/api")
                expectKnown(pipeline.state, "pipeline state")
                expectKnown(pipeline.trigger.type, "trigger type")
                #expect(pipeline.vcs?.revision?.count == 40)
            }
        },
        TypedRead("listPipelinesForProject", "branch with a slash") { world in
            let pipelines = try await world.client.pipelines(project: Landmarks.api, branch: "release/2.4").collect()
            #expect(!pipelines.isEmpty)
            #expect(pipelines.allSatisfy { $0.vcs?.branch == "release/2.4" })
        },
        TypedRead("listMyPipelines", "only the token owner's") { world in
            let me = try await world.client.me()
            let mine = try await world.client.myPipelines(project: Landmarks.api).collect()
            #expect(!mine.isEmpty)
            #expect(mine.allSatisfy { $0.trigger.actor.login == me.login && $0.projectSlug == "gh/acme/api" })
        },
        TypedRead("listPipelines", "by org slug; mine=true filters, mine=false does not") { world in
            let client = world.client
            let login = try await client.me().login
            let all = try await client.orgPipelines(orgSlug: "gh/acme").collect(limit: 30)
            #expect(all.count == 30)
            #expect(all.allSatisfy { $0.projectSlug.hasPrefix("gh/acme/") })
            #expect(Set(all.map(\.projectSlug)).count > 1, "pipelines of several projects")
            let mine = try await client.orgPipelines(orgSlug: "gh/acme", mine: true).collect(limit: 10)
            #expect(!mine.isEmpty && mine.allSatisfy { $0.trigger.actor.login == login })
            let unfiltered = try await client.orgPipelines(orgSlug: "gh/acme", mine: false).collect(limit: 30)
            #expect(unfiltered == all)
        },
        TypedRead("getPipelineById", "the same pipeline the list shows") { world in
            let listed = try Landmarks.require(world.landmarks.pipeline, "pipeline")
            #expect(try await world.client.pipeline(id: listed.id) == listed)
        },
        TypedRead("getPipelineByNumber", "the same pipeline the list shows") { world in
            let listed = try Landmarks.require(world.landmarks.pipeline, "pipeline")
            #expect(try await world.client.pipeline(project: Landmarks.api, number: listed.number) == listed)
        },
        TypedRead("getPipelineConfigById", "source and compiled YAML") { world in
            let pipeline = try Landmarks.require(world.landmarks.pipeline, "pipeline")
            let config = try await world.client.pipelineConfig(pipelineID: pipeline.id)
            #expect(config.source.contains("workflows:"))
            #expect(config.compiled.contains("build-and-test"))
        },
        TypedRead("getPipelineValuesById", "values agree with the pipeline") { world in
            let pipeline = try Landmarks.require(world.landmarks.pipeline, "pipeline")
            let values = try await world.client.pipelineValues(pipelineID: pipeline.id)
            #expect(values["pipeline.id"] == .string(pipeline.id))
            #expect(values["pipeline.number"] == .integer(Int64(pipeline.number)))
            #expect(values["pipeline.git.revision"] == pipeline.vcs?.revision.map(JSONValue.string))
            #expect(values["pipeline.git.branch"] == .string(pipeline.vcs?.branch ?? ""))
        },
        TypedRead("listWorkflowsByPipelineId", "workflows point back at their pipeline") { world in
            let pipeline = try Landmarks.require(world.landmarks.pipeline, "pipeline")
            let workflows = try await world.client.workflows(pipelineID: pipeline.id).collect()
            #expect(!workflows.isEmpty)
            for workflow in workflows {
                #expect(workflow.pipelineID == pipeline.id && workflow.pipelineNumber == pipeline.number)
                #expect(workflow.projectSlug == pipeline.projectSlug)
                expectKnown(workflow.status, "workflow status")
            }
        },
        TypedRead("getWorkflowById", "the same workflow the list shows") { world in
            let workflow = try Landmarks.require(world.landmarks.testedWorkflow, "tested workflow")
            #expect(try await world.client.workflow(id: workflow.id) == workflow)
        },
        TypedRead("listWorkflowJobs", "dependencies name jobs of the same workflow") { world in
            let workflow = try Landmarks.require(world.landmarks.testedWorkflow, "tested workflow")
            let jobs = try await world.client.jobs(workflowID: workflow.id).collect()
            let ids = Set(jobs.map(\.id))
            #expect(jobs.count > 1)
            for job in jobs {
                #expect(Set(job.dependencies).isSubset(of: ids), "\(job.name) depends on a stranger")
                #expect(job.projectSlug == workflow.projectSlug)
                expectKnown(job.status, "job status")
                expectKnown(job.type, "job type")
            }
            let numbers = jobs.compactMap(\.jobNumber)
            #expect(Set(numbers).count == numbers.count, "job numbers are unique")
        },
    ]
}
