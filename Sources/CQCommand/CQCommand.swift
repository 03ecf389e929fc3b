import ArgumentParser

/// `cq`: ask questions of CircleCI.
struct CQCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cq",
        abstract: "Ask questions of CircleCI: a pipe query language over the CircleCI API v2.",
        discussion: """
            Examples:
              cq --demo -e 'pipelines("gh/org/repo") | where state == "failed" | jobs'
              cq report.cq --format json
              cq                      (interactive REPL)

            Options of queries and scripts (cq help run lists them all):
              -e QUERY, --format table|json|ndjson|csv|vertical|raw, --demo, --host URL,
              --allow-writes, --arg name=value, --concurrency N, --stats,
              --no-cache, --refresh, --cache-ttl SECONDS

            Token: CIRCLECI_TOKEN, CIRCLE_TOKEN or ~/.circleci/cli.yml. Host: --host, CIRCLECI_HOST.
            cq help NAME describes a builtin (pipelines, where, …) or record type (Job, …).
            cq explain QUERY shows the requests a query will make, without making them.
            Responses are cached in ~/.cache/cq (cq help cache).
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, CheckCommand.self, ExplainCommand.self, FormatCommand.self, HelpCommand.self,
            SimulatorCommand.self, CacheCommand.self, WatchCommand.self,
        ],
        defaultSubcommand: RunCommand.self)
}
