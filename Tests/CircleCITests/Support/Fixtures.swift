import Foundation

/// Realistic response bodies, written from the API documents' schemas and examples,
/// with the quirks real responses have (nulls, unknown enum values, snake_case flaky tests).
enum Fixtures {
    static let pipelineID = "5034460f-c7c4-4c43-9457-de07e2029e7b"
    static let workflowID = "497f6eca-6276-4993-bfeb-53cbbbba6f08"
    static let jobID = "d212e286-9962-4ed7-92e2-8699622ed720"

    static func pipeline(number: Int = 25, state: String = "created") -> String {
        """
        {"id": "\(pipelineID)", "errors": [{"type": "config-fetch", "message": "Could not fetch config"},
         {"type": "brand-new-error", "message": "unknown type"}],
         "project_slug": "gh/CircleCI-Public/api-preview-docs", "updated_at": "2024-05-01T12:00:00.123Z",
         "number": \(number), "trigger_parameters": {"deploy": true, "count": 3, "name": "x", "nested": {"a": [1, 2.5, null]}},
         "state": "\(state)", "created_at": "2024-05-01T12:00:00Z",
         "warnings": [], "trigger": {"type": "webhook", "received_at": "2024-05-01T11:59:59.5Z",
         "actor": {"login": "octocat", "avatar_url": null}},
         "vcs": {"provider_name": "GitHub", "target_repository_url": "https://github.com/CircleCI-Public/api-preview-docs",
         "branch": "feature/design-new-api", "review_id": "123",
         "review_url": "https://github.com/CircleCI-Public/api-preview-docs/pull/123", "revision": null,
         "commit": {"subject": "Fix the docs", "body": null},
         "origin_repository_url": "https://github.com/CircleCI-Public/api-preview-docs"}}
        """
    }

    static let workflow = """
        {"pipeline_id": "\(pipelineID)", "id": "\(workflowID)", "name": "build-and-test",
         "project_slug": "gh/CircleCI-Public/api-preview-docs", "tag": null, "status": "failing",
         "started_by": "03987f6a-4c27-4dc1-b6ab-c7e83bb3e713", "pipeline_number": 25,
         "created_at": "2024-05-01T12:00:00Z", "stopped_at": null}
        """

    static let job = """
        {"dependencies": [], "job_number": 11257, "id": "\(jobID)", "started_at": null, "name": "hold",
         "project_slug": "gh/acme/api", "status": "on_hold", "type": "approval",
         "requires": {"74be7583-44de-42a6-be75-8344de52a6f2": ["failed", "canceled"]},
         "approval_request_id": "\(jobID)"}
        """

    static let jobWithoutNumber = """
        {"dependencies": ["74be7583-44de-42a6-be75-8344de52a6f2"], "id": "\(jobID)", "started_at": "2024-05-01T12:00:00Z",
         "name": "test", "project_slug": "gh/acme/api", "status": "quantum-state", "type": "build", "stopped_at": null}
        """

    static let jobSummary = """
        {"id": "\(jobID)", "name": "test", "job_number": 42, "type": "build", "status": "success",
         "project_id": "39723015-b399-4601-9ff6-bd1bfbed8fa8", "pipeline_id": "\(pipelineID)", "workflow_id": "\(workflowID)",
         "started_at": "2024-05-01T12:00:00Z", "stopped_at": "2024-05-01T12:03:00Z"}
        """

    static let jobDetails = """
        {"web_url": "https://app.circleci.com/pipelines/github/acme/api/25/workflows/\(workflowID)/jobs/42",
         "project": {"id": "39723015-b399-4601-9ff6-bd1bfbed8fa8", "slug": "gh/acme/api", "name": "api",
         "external_url": "https://github.com/acme/api"},
         "parallel_runs": [{"index": 0, "status": "success"}, {"index": 1, "status": "failed"}],
         "started_at": "2024-05-01T12:00:05Z", "latest_workflow": {"id": "\(workflowID)", "name": "build-and-test"},
         "name": "test", "executor": {"resource_class": "medium", "type": "docker"}, "parallelism": 2, "status": "failed",
         "number": 42, "pipeline": {"id": "\(pipelineID)"}, "duration": 183000, "created_at": "2024-05-01T12:00:00Z",
         "messages": [{"type": "warning", "message": "Deprecated image"}], "contexts": [{"name": "aws"}],
         "organization": {"name": "acme"}, "queued_at": "2024-05-01T12:00:01Z", "stopped_at": "2024-05-01T12:03:05Z"}
        """

    static let queuedJobDetails = """
        {"web_url": "https://app.circleci.com/x", "project": {"id": "39723015-b399-4601-9ff6-bd1bfbed8fa8",
         "slug": "gh/acme/api", "name": "api", "external_url": "https://github.com/acme/api"},
         "parallel_runs": [], "started_at": null, "latest_workflow": {"id": "\(workflowID)", "name": "w"},
         "name": "test", "executor": {"resource_class": "large"}, "parallelism": 1, "status": "queued", "number": 43,
         "pipeline": {"id": "\(pipelineID)"}, "duration": null, "created_at": "2024-05-01T12:00:00Z",
         "messages": [], "contexts": [], "organization": {"name": "acme"}, "queued_at": null, "stopped_at": null}
        """

    static let artifact = """
        {"path": "coverage/index.html", "node_index": 0,
         "url": "https://output.circle-artifacts.com/output/job/\(jobID)/artifacts/0/coverage/index.html"}
        """

    static let testResults = [
        """
        {"message": null, "source": "junit", "run_time": 0.25, "file": "Tests/ParserTests.swift",
         "result": "success", "name": "testParse", "classname": "ParserTests"}
        """,
        """
        {"message": "XCTAssertEqual failed", "source": "junit", "run_time": "1.5", "result": "failure",
         "name": "testLex", "classname": "LexerTests"}
        """,
    ]

    static let project = """
        {"slug": "gh/acme/api", "name": "api", "id": "39723015-b399-4601-9ff6-bd1bfbed8fa8",
         "organization_name": "acme", "organization_slug": "gh/acme", "organization_id": "ec6887ec-7d44-4b31-b468-7e552408ee32",
         "vcs_info": {"vcs_url": "https://github.com/acme/api", "provider": "GitHub", "default_branch": "main"}}
        """

    static let projectSettings = """
        {"advanced": {"autocancel_builds": false, "build_fork_prs": false, "build_prs_only": true, "disable_ssh": false,
         "forks_receive_secret_env_vars": false, "oss": true, "set_github_status": true, "setup_workflows": true,
         "write_settings_requires_admin": false, "pr_only_branch_overrides": ["main", "release/*"]}}
        """

    static let environmentVariable = """
        {"name": "AWS_KEY", "value": "xxxx1234", "created-at": "#joda/inst 2023-04-14T21:20:14+0000"}
        """

    static let checkoutKey = """
        {"public-key": "ssh-rsa AAAAB3Nza...", "type": "deploy-key",
         "fingerprint": "c9:0b:1c:4f:d5:65:56:b9:ad:88:f9:81:2b:37:74:2f", "preferred": true,
         "created-at": "2015-09-21T17:29:21.042Z"}
        """

    static let schedule = """
        {"id": "6f3a1c5e-7d55-4b8c-9f3e-2a1b0c9d8e7f", "timetable": {"per-hour": 1, "hours-of-day": [0, 12],
         "days-of-week": ["MON", "FRI"], "months": ["JAN", "XYZ"]}, "updated-at": "2024-05-01T12:00:00Z",
         "name": "nightly", "created-at": "2024-04-01T12:00:00Z", "project-slug": "gh/acme/api",
         "parameters": {"deploy_prod": true, "branch": "main", "retries": 2},
         "actor": {"avatar_url": null, "id": "03987f6a-4c27-4dc1-b6ab-c7e83bb3e713", "login": "octocat", "name": "Octo Cat"},
         "description": null}
        """

    static let webhook = """
        {"id": "8d75ff3a-2b45-4d6e-9f1b-3c1e6f2a7b90", "name": "my-webhook", "url": "https://example.com/hooks/circleci",
         "verify_tls": true, "signing_secret": "********", "events": ["workflow-completed", "job-completed"],
         "scope": {"id": "39723015-b399-4601-9ff6-bd1bfbed8fa8", "type": "project"},
         "created_at": "2024-05-01T12:00:00Z", "updated_at": "2024-05-01T12:00:00Z"}
        """

    static let user = """
        {"avatar_url": "https://avatars.githubusercontent.com/u/1", "id": "03987f6a-4c27-4dc1-b6ab-c7e83bb3e713",
         "login": "octocat", "name": "Octo Cat"}
        """

    static let collaborations = """
        [{"id": "ec6887ec-7d44-4b31-b468-7e552408ee32", "vcs-type": "github", "name": "acme",
          "avatar_url": "https://avatars.githubusercontent.com/u/2", "slug": "gh/acme"},
         {"id": null, "vcs-type": "circleci", "name": "personal", "avatar_url": "", "slug": "circleci/AbC123"}]
        """

    static let organization = """
        {"id": "ec6887ec-7d44-4b31-b468-7e552408ee32", "name": "acme", "slug": "gh/acme", "vcs_type": "github"}
        """

    static let context = """
        {"id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "name": "aws", "created_at": "2015-09-21T17:29:21.042Z"}
        """

    static let contextVariable = """
        {"variable": "POSTGRES_USER", "created_at": "2015-09-21T17:29:21.042Z", "updated_at": "2015-09-21T17:29:21Z",
         "context_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}
        """

    static let contextRestriction = """
        {"context_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "id": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
         "name": "gh/acme/api", "restriction_type": "project", "restriction_value": "39723015-b399-4601-9ff6-bd1bfbed8fa8"}
        """

    static let pipelineConfig = """
        {"source": "version: 2.1\\njobs: {}", "compiled": "version: 2\\njobs: {}"}
        """
}
