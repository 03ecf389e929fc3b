import Foundation

/// The `.circleci/config.yml` of a project, as source and as compiled by CircleCI.
enum PipelineConfig {
    static func source(for blueprint: ProjectBlueprint) -> String {
        var lines = ["version: 2.1", "", "executors:", "  default:", "    docker:",
                     "      - image: \(JobCommands.image(for: blueprint.language))", "", "jobs:"]
        for job in allJobs(blueprint) where job.type == .build {
            let step = JobCommands.mainStep(for: job.kind, language: blueprint.language, project: blueprint.name)
            lines += ["  \(job.name):", "    executor: default", "    resource_class: \(job.resourceClass)"]
            if job.parallelism > 1 { lines.append("    parallelism: \(job.parallelism)") }
            lines += ["    steps:", "      - checkout", "      - run:", "          name: \(step.name)",
                      "          command: \(step.command)"]
            if job.hasTests { lines += ["      - store_test_results:", "          path: test-results"] }
        }
        lines += ["", "workflows:"]
        for workflow in workflows(blueprint) {
            lines.append("  \(workflow.name):")
            if workflow.name == WorkflowTemplates.nightly.name {
                lines.append("    when: << pipeline.schedule.name == \"nightly-integration\" >>")
            }
            lines.append("    jobs:")
            for job in workflow.jobs {
                var options: [String] = []
                if job.type == .approval { options.append("          type: approval") }
                if !job.requires.isEmpty { options.append("          requires: [\(job.requires.joined(separator: ", "))]") }
                if !job.contexts.isEmpty { options.append("          context: [\(job.contexts.joined(separator: ", "))]") }
                lines.append("      - \(job.name)\(options.isEmpty ? "" : ":")")
                lines += options
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The processed config: version 2, executors inlined.
    static func compiled(for blueprint: ProjectBlueprint) -> String {
        var lines = ["version: 2", "jobs:"]
        for job in allJobs(blueprint) where job.type == .build {
            let step = JobCommands.mainStep(for: job.kind, language: blueprint.language, project: blueprint.name)
            lines += ["  \(job.name):", "    docker:", "    - image: \(JobCommands.image(for: blueprint.language))",
                      "    resource_class: \(job.resourceClass)"]
            if job.parallelism > 1 { lines.append("    parallelism: \(job.parallelism)") }
            lines += ["    steps:", "    - checkout", "    - run:", "        name: \(step.name)",
                      "        command: \(step.command)"]
            if job.hasTests { lines += ["    - store_test_results:", "        path: test-results"] }
        }
        lines.append("workflows:")
        for workflow in workflows(blueprint) {
            lines += ["  \(workflow.name):", "    jobs:"]
            for job in workflow.jobs {
                lines.append("    - \(job.name)\(job.requires.isEmpty && job.type == .build ? "" : ":")")
                if job.type == .approval { lines.append("        type: approval") }
                if !job.requires.isEmpty {
                    lines.append("        requires:")
                    lines += job.requires.map { "        - \($0)" }
                }
            }
        }
        lines.append("  version: 2")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func workflows(_ blueprint: ProjectBlueprint) -> [WorkflowTemplate] {
        var templates = [WorkflowTemplates.buildAndTest(for: blueprint.language), WorkflowTemplates.deploy]
        if blueprint.hasNightly { templates.append(WorkflowTemplates.nightly) }
        return templates
    }

    /// Every distinct job the config defines, in first-use order.
    private static func allJobs(_ blueprint: ProjectBlueprint) -> [JobTemplate] {
        var seen: Set<String> = []
        return workflows(blueprint).flatMap(\.jobs).filter { seen.insert($0.name).inserted }
    }
}
