import Foundation

extension Fixtures {
    static let workflowMetrics = """
        {"name": "build-and-test", "metrics": {"total_runs": 120, "successful_runs": 100, "mttr": null,
         "total_credits_used": 4200, "failed_runs": 20, "success_rate": 0.83,
         "duration_metrics": {"min": 60, "mean": 300, "median": 280, "p95": 600, "max": 900, "standard_deviation": 120.5},
         "total_recoveries": null, "throughput": 4.1},
         "window_start": "2024-04-01T00:00:00Z", "window_end": "2024-05-01T00:00:00Z",
         "project_id": "39723015-b399-4601-9ff6-bd1bfbed8fa8"}
        """

    static let workflowRun = """
        {"id": "\(workflowID)", "branch": "main", "duration": null, "created_at": "2024-05-01T12:00:00Z",
         "stopped_at": null, "credits_used": 12, "status": null, "is_approval": false}
        """

    static let jobMetrics = """
        {"name": "test", "metrics": {"total_runs": 10, "failed_runs": 1, "successful_runs": 9,
         "duration_metrics": {"min": null, "mean": null, "median": null, "p95": null, "max": null, "standard_deviation": null},
         "success_rate": 0.9, "total_credits_used": 100, "throughput": 1.0},
         "window_start": "2024-04-01T00:00:00Z", "window_end": "2024-05-01T00:00:00Z"}
        """

    static let jobTimeseries = """
        {"name": "test", "min_started_at": "2024-05-01T00:01:00Z", "max_ended_at": "2024-05-01T23:59:00Z",
         "timestamp": "2024-05-01T00:00:00Z", "metrics": {"total_runs": 5, "failed_runs": 1, "successful_runs": 4,
         "throughput": 5.0, "median_credits_used": 10, "total_credits_used": 50,
         "duration_metrics": {"min": 60, "median": 90, "max": 120, "p95": 118, "total": 450}}}
        """

    static let workflowSummary = """
        {"metrics": {"total_runs": 10, "successful_runs": 8, "mttr": 3600, "total_credits_used": 500, "failed_runs": 2,
         "success_rate": 0.8, "completed_runs": 10, "window_start": "2024-04-01T00:00:00Z",
         "duration_metrics": {"min": 60, "mean": 90, "median": 85, "p95": 150, "max": 200, "standard_deviation": 20.5},
         "window_end": "2024-05-01T00:00:00Z", "throughput": 0.3},
         "trends": {"total_runs": 1.1, "failed_runs": 0.5, "success_rate": 1.02, "p95_duration_secs": 0.9,
         "median_duration_secs": 1.0, "total_credits_used": 1.2, "mttr": 0.8, "throughput": 1.1},
         "workflow_names": ["build-and-test", "deploy"]}
        """

    static let testMetrics = """
        {"average_test_count": 250, "most_failed_tests": [{"p95_duration": 2.5, "total_runs": 10, "classname": null,
         "failed_runs": 3, "flaky": true, "source": "junit", "file": null, "job_name": "test", "test_name": "testLex"}],
         "most_failed_tests_extra": 0, "slowest_tests": [], "slowest_tests_extra": 0, "total_test_runs": 2500,
         "test_runs": [{"pipeline_number": 25, "workflow_id": "\(workflowID)", "success_rate": 0.99,
         "test_counts": {"error": 0, "failure": 3, "skipped": 2, "success": 245, "total": 250}}]}
        """

    static let insightsBranches = """
        {"org_id": "ec6887ec-7d44-4b31-b468-7e552408ee32", "project_id": "39723015-b399-4601-9ff6-bd1bfbed8fa8",
         "branches": ["main", "feature/x"]}
        """

    static let orgSummary = """
        {"org_data": {"metrics": {"total_runs": 100, "total_duration_secs": 36000, "total_credits_used": 9000,
         "success_rate": 0.9, "throughput": 3.3}, "trends": {"total_runs": 1.0, "total_duration_secs": 1.1,
         "total_credits_used": 0.9, "success_rate": 1.0, "throughput": 1.0}},
         "org_project_data": [{"project_name": "api", "metrics": {"total_credits_used": 9000, "total_duration_secs": 36000,
         "total_runs": 100, "success_rate": 0.9}, "trends": {"total_credits_used": 0.9, "total_duration_secs": 1.1,
         "total_runs": 1.0, "success_rate": 1.0}}], "all_projects": null}
        """

    static let projectWorkflowsPageData = """
        {"org_id": "ec6887ec-7d44-4b31-b468-7e552408ee32", "project_id": "39723015-b399-4601-9ff6-bd1bfbed8fa8",
         "project_data": {"metrics": {"total_runs": 10, "total_duration_secs": 600, "total_credits_used": 50,
         "success_rate": 0.9, "throughput": 0.3}, "trends": {"total_runs": 1.0, "total_duration_secs": 1.0,
         "total_credits_used": 1.0, "success_rate": 1.0, "throughput": 1.0}},
         "project_workflow_data": [{"workflow_name": "build", "metrics": {"total_credits_used": 50, "p95_duration_secs": 120.5,
         "total_runs": 10, "success_rate": 0.9}, "trends": {"total_credits_used": 1.0, "p95_duration_secs": 1.0,
         "total_runs": 1.0, "success_rate": 1.0}}],
         "project_workflow_branch_data": [{"workflow_name": "build", "branch": "main", "metrics": {"total_credits_used": 50,
         "p95_duration_secs": 120.5, "total_runs": 10, "success_rate": 0.9}, "trends": {"total_credits_used": 1.0,
         "p95_duration_secs": 1.0, "total_runs": 1.0, "success_rate": 1.0}}],
         "all_branches": ["main"], "all_workflows": ["build"]}
        """

    /// As the API really sends it: snake_case.
    static let flakyTestsSnake = """
        {"flaky_tests": [{"time_wasted": 120, "workflow_created_at": "2024-05-01T12:00:00.000Z",
         "workflow_id": "\(workflowID)", "classname": "LexerTests", "pipeline_number": 25, "workflow_name": "build",
         "test_name": "testLex", "job_name": "test", "job_number": 42, "times_flaked": 3, "source": "junit", "file": null}],
         "total_flaky_tests": 1}
        """

    /// As the API document spells it: kebab-case.
    static let flakyTestsKebab = """
        {"flaky-tests": [{"time-wasted": 120, "workflow-created-at": "2024-05-01T12:00:00.000Z",
         "workflow-id": "\(workflowID)", "classname": "LexerTests", "pipeline-number": 25, "workflow-name": "build",
         "test-name": "testLex", "job-name": "test", "job-number": 42, "times-flaked": 3, "source": "junit"}],
         "total-flaky-tests": 1}
        """

    static let v1Build = """
        {"build_num": 42, "status": "failed", "steps": [
         {"name": "Spin up environment", "actions": [{"truncated": false, "index": 0, "parallel": true, "failed": null,
          "infrastructure_fail": null, "name": "Spin up environment", "bash_command": null, "status": "success",
          "timedout": null, "continue": null, "end_time": "2017-10-23T02:41:54.739Z", "type": "test",
          "output_url": "OUTPUT_URL", "start_time": "2017-10-23T02:41:43.348Z", "background": false, "exit_code": null,
          "insignificant": false, "canceled": null, "step": 0, "run_time_millis": 11391, "has_output": true}]},
         {"name": "swift test", "actions": [{"truncated": false, "index": 0, "parallel": true, "failed": true,
          "name": "swift test", "bash_command": "#!/bin/bash -eo pipefail\\nswift test", "status": "failed",
          "timedout": null, "end_time": null, "type": "test", "start_time": "2017-10-23T02:42:00Z",
          "background": false, "exit_code": 1, "canceled": null, "step": 101, "run_time_millis": 5000,
          "has_output": false, "messages": []}]}]}
        """

    static let stepOutput = """
        [{"message": "Build complete\\r\\n", "time": "2017-10-23T02:41:54.739Z", "truncated": false, "type": "out"},
         {"message": "error: failed\\r\\n", "time": "2017-10-23T02:41:55Z", "truncated": false, "type": "err"}]
        """
}
