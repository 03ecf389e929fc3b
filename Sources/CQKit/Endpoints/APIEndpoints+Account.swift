import CQ

extension APIEndpoints {
    static let currentUser = Endpoint("getCurrentUser", path: "/me")
    static let collaborations = Endpoint("getCollaborations", path: "/me/collaborations")
    static let user = Endpoint("getUser", path: "/user/{id}")
    static let organization = Endpoint("getOrganization", path: "/organization/{org}")
    static let project = Endpoint("getProjectBySlug", path: "/project/{project}")

    static let schedules = Endpoint("listSchedulesForProject", path: "/project/{project}/schedule", isPaged: true)
    static let environmentVariables = Endpoint(
        "listEnvVars", path: "/project/{project}/envvar", isPaged: true, caching: .never)
    static let checkoutKeys = Endpoint(
        "listCheckoutKeys", path: "/project/{project}/checkout-key", isPaged: true, caching: .never)
    static let contexts = Endpoint(
        "listContexts", path: "/context", query: [.init("owner-slug (or owner-id)", from: "org")], isPaged: true,
        caching: .never)
    static let contextVariables = Endpoint(
        "listEnvironmentVariablesFromContext", path: "/context/{.id}/environment-variable", isPaged: true,
        repetition: .perRow, caching: .never)
    static let contextRestrictions = Endpoint(
        "getContextRestrictions", path: "/context/{.id}/restrictions", isPaged: true, repetition: .perRow,
        caching: .never)
    static let webhooks: [Endpoint] = [
        project,
        Endpoint(
            "getWebhooks", path: "/webhook",
            query: [.init("scope-id", constant: "{project id}"), .init("scope-type", constant: "project")],
            isPaged: true),
    ]
    static let raw = Endpoint("api", path: "{path}", query: [.init("…", from: "params")])

    static let triggerPipeline = Endpoint(
        "triggerPipeline", method: "POST", path: "/project/{project}/pipeline", caching: .never)
    static let rerunWorkflow = Endpoint(
        "rerunWorkflow", method: "POST", path: "/workflow/{.id}/rerun", repetition: .perRow, caching: .never)
    static let cancel: [Endpoint] = [
        Endpoint(
            "cancelWorkflow", method: "POST", path: "/workflow/{.id}/cancel", repetition: .perRow,
            when: .input("Workflow"), caching: .never),
        Endpoint(
            "cancelJobByJobID", method: "POST", path: "/jobs/{.id}/cancel", repetition: .perRow, when: .input("Job"),
            caching: .never),
    ]
    static let approve = Endpoint(
        "approvePendingApprovalJobById", method: "POST", path: "/workflow/{.workflow_id}/approve/{.approval_request_id}",
        repetition: .perRow, caching: .never)
}
