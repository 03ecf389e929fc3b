import Foundation

/// The log text of one action, and the presigned URL that serves it.
enum StepOutput {
    static func lines(for step: String, command: String?, job: Job, node: Int, status: String) -> [String] {
        switch step {
        case "Spin up environment":
            return ["Build-agent version 1.0.262711-4c0f6d3a (2025-10-14T09:12:44+0000)",
                    "Creating a dedicated VM with \(job.executor.resourceClass) resources",
                    "Starting container cimg/base:current", "Container started"]
                + (status == "infrastructure_fail" ? ["Error: unable to pull image: 503 Service Unavailable"] : [])
        case "Preparing environment variables":
            return ["Using build environment variables:", "  BASH_ENV=/tmp/.bash_env-\(job.id.lowercasedString)",
                    "  CI=true", "  CIRCLE_NODE_INDEX=\(node)", "  CIRCLE_NODE_TOTAL=\(job.parallelism)"]
        case "Checkout code":
            return ["Cloning git repository", "Checking out branch", "HEAD is now at \(job.pipelineID.lowercasedString.prefix(7))"]
        case "Restoring cache":
            return ["Found a cache from build \(max(1, (job.number ?? 1) - 7)) at deps-v2-main", "Restoring cache... done"]
        case "Uploading test results":
            return ["Archiving the following test results", "  * /home/circleci/project/test-results",
                    "Uploaded \(job.tests.count) test results"]
        case "Uploading artifacts":
            return job.artifacts.filter { $0.nodeIndex == node }.map { "Uploading \($0.path) (done)" }
        default:
            return mainLines(command: command ?? step, job: job, node: node, status: status)
        }
    }

    private static func mainLines(command: String, job: Job, node: Int, status: String) -> [String] {
        var lines = ["#!/bin/bash -eo pipefail", command]
        let nodes = max(1, job.parallelism)
        for (index, test) in job.tests.enumerated() where index % nodes == node {
            switch test.result {
            case "failure": lines += ["--- FAIL: \(test.name) (\(test.runTime)s)", "    \(test.message ?? "")"]
            case "skipped": lines.append("--- SKIP: \(test.name)")
            default: lines.append("--- PASS: \(test.name) (\(test.runTime)s)")
            }
        }
        switch status {
        case "failed": lines += ["FAIL", "", "Exited with code exit status 1"]
        case "timedout": lines += ["", "Too long with no output (exceeded 10m0s): context deadline exceeded"]
        case "canceled": lines += ["", "Received signal: interrupt"]
        case "running": break
        default: lines += ["ok", "", "CircleCI received exit code 0"]
        }
        return lines
    }

    /// The path part of an action's presigned URL (before the query).
    static func path(jobID: UUID, step: Int, node: Int) -> String {
        "/output/job/\(jobID.lowercasedString)/step/\(step)/node/\(node)"
    }

    /// A deterministic stand-in for an S3 signature over `path`.
    static func signature(for path: String) -> String {
        let first = String(StableHash.fnv1a("sig1|" + path), radix: 16).leftPadded(to: 16)
        let second = String(StableHash.fnv1a("sig2|" + path), radix: 16).leftPadded(to: 16)
        return first + second
    }

    /// The full presigned URL on the output host.
    static func presignedURL(base: String, jobID: UUID, step: Int, node: Int, date: Date) -> String {
        let path = path(jobID: jobID, step: step, node: node)
        let compact = Timestamp.format(date).replacingOccurrences(of: "-", with: "")
            .replacingOccurrences(of: ":", with: "").prefix(15) + "Z"
        return base + path + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=\(compact)&X-Amz-Expires=3600"
            + "&X-Amz-SignedHeaders=host&X-Amz-Signature=\(signature(for: path))"
    }
}
