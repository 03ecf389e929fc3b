import Foundation

/// Commit subjects and pipeline error messages the generator draws from.
enum CommitMessages {
    static let subjects = [
        "Fix race in webhook delivery retries",
        "Add pagination to the orders endpoint",
        "Bump golang.org/x/net from 0.28.0 to 0.30.0",
        "Refactor invoice rounding into its own package",
        "Speed up integration tests with a shared database",
        "Handle empty search queries gracefully",
        "Update README with local setup instructions",
        "Log request ids on every error",
        "Remove the deprecated v1 export path",
        "Cache feature flags for 30 seconds",
        "Tighten auth token validation",
        "Retry S3 uploads on 503",
        "Merge pull request #%d from acme/feature-branch",
        "Rename storage buckets to match the new scheme",
        "Add metrics for queue depth",
        "Revert \"Cache feature flags for 30 seconds\"",
        "Upgrade CI image to cimg/base:2025.10",
        "Fix flaky timeout in orders test",
        "Document the rate limit headers",
        "Prepare release notes",
    ]

    static let bodies: [String?] = [
        nil,
        "",
        "The previous implementation could deliver the same event twice when the\nreceiver timed out.",
        "Co-authored-by: Aditi Kumar <akumar@example.com>",
    ]

    static let configErrors: [(type: String, message: String)] = [
        ("config", "Config does not conform to schema: {:workflows {:build-and-test {:jobs [{:unit-tests (not (map? nil))}]}}}"),
        ("config", "Error calling workflow: 'build-and-test'\nCannot find a definition for job named integration-test"),
        ("config-fetch", "Unable to fetch config: .circleci/config.yml not found on this branch"),
        ("plan", "Your plan does not include enough credits to run this pipeline."),
    ]
}
