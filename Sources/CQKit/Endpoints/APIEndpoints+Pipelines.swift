import CQ

extension APIEndpoints {
    static let listPipelinesForProject = Endpoint(
        "listPipelinesForProject", path: "/project/{project}/pipeline", query: [.init("branch", from: "branch")],
        isPaged: true, filters: [.init(["vcs", "branch"], .equal, parameter: "branch")],
        order: .newestFirst(["created_at"]))

    static let listMyPipelines = Endpoint(
        "listMyPipelines", path: "/project/{project}/pipeline/mine", isPaged: true, when: .isTrue("mine"))

    static let listPipelines = Endpoint(
        "listPipelines", path: "/pipeline", query: [.init("org-slug", from: "org"), .init("mine", from: "mine")],
        isPaged: true, order: .newestFirst(["created_at"]))

    static let getPipelineByNumber = Endpoint(
        "getPipelineByNumber", path: "/project/{id_or_project}/pipeline/{number}", when: .given("number"))

    static let getPipelineById = Endpoint("getPipelineById", path: "/pipeline/{id_or_project}", when: .absent("number"))

    static let getWorkflowById = Endpoint("getWorkflowById", path: "/workflow/{id}", caching: .untilFinished)

    static let getJobDetails = Endpoint("getJobDetails", path: "/project/{project}/job/{number}", caching: .untilFinished)

    /// The workflows of each pipeline row; fetched once per pipeline and
    /// shared by `state`, `workflows` and `jobs`.
    static let workflowsOfPipeline = Endpoint(
        "listWorkflowsByPipelineId", path: "/pipeline/{.id}/workflow", isPaged: true, repetition: .perRow,
        caching: .untilFinished, isRemembered: true)

    static let jobsOfWorkflow = Endpoint(
        "listWorkflowJobs", path: "/workflow/{.id}/job", isPaged: true, repetition: .perItem("workflow"),
        caching: .untilFinished)

    static let jobDetailsOfJob = Endpoint(
        "getJobDetails", path: "/project/{.project_slug}/job/{.job_number}", repetition: .perRow,
        caching: .untilFinished)

    static let testsOfJob = Endpoint(
        "getTests", path: "/project/{.project_slug}/{.job_number}/tests", isPaged: true, repetition: .perRow,
        caching: .untilFinished)

    static let artifactsOfJob = Endpoint(
        "getJobArtifacts", path: "/project/{.project_slug}/{.job_number}/artifacts", isPaged: true,
        repetition: .perRow, caching: .untilFinished)

    static let configOfPipeline = Endpoint(
        "getPipelineConfigById", path: "/pipeline/{.id}/config", repetition: .perRow, caching: .permanent)

    static let stepsOfJob = Endpoint(
        "getJobV1", path: "/api/v1.1/project/{.project_slug}/{.job_number}", repetition: .perRow,
        caching: .untilFinished)

    /// Presigned URLs on another host, fetched without the token.
    static let stepOutput = Endpoint(
        "getStepOutput", path: "{output_url}", repetition: .perItem("step read"), caching: .untilFinished)
}
