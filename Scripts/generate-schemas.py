#!/usr/bin/env python3
"""Generates Sources/CQKit/Schemas/APISchemas.swift from the OpenAPI documents.

The query language's record schemas (field names, types, enum values, field
descriptions) come from CircleCI's OpenAPI document, never from hand-written
lists. Run it after updating the documents:

    python3 Scripts/generate-schemas.py
"""
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "CircleCISimulatorTests", "Fixtures")
OUTPUT_DIRECTORY = os.path.join(ROOT, "Sources", "CQKit", "Schemas", "Generated")

# Which file each schema is written to, so no generated file grows too long.
GROUPS = {
    "Pipelines": ["Pipeline", "PipelineConfig", "Workflow", "PipelineCreation", "WorkflowRerun", "MessageResponse"],
    "Jobs": ["Job", "JobDetails", "Artifact", "TestResult"],
    "Projects": ["Project", "User", "Collaboration", "Organization", "EnvironmentVariable", "CheckoutKey", "Schedule",
                 "Context", "ContextEnvironmentVariable", "ContextRestriction", "Webhook"],
    "Insights": ["WorkflowMetrics", "WorkflowRun", "JobMetrics", "JobTimeseries", "WorkflowSummary", "TestMetrics",
                 "FlakyTests", "InsightsBranches", "OrgSummary", "ProjectSummary"],
}

SPEC_2026 = json.load(open(os.path.join(FIXTURES, "openapi-v2.json")))
SPEC_2025 = json.load(open(os.path.join(FIXTURES, "openapi-v2-2025-10-docs-bundle.json")))

# (schema name, document, path, status, take list items?[, method]); the method is GET unless given.
SCHEMAS = [
    ("Pipeline", SPEC_2026, "/project/{project-slug}/pipeline", "200", True),
    ("PipelineConfig", SPEC_2026, "/pipeline/{pipeline-id}/config", "200", False),
    ("Workflow", SPEC_2026, "/workflow/{id}", "200", False),
    ("Job", SPEC_2026, "/workflow/{id}/job", "200", True),
    ("JobDetails", SPEC_2025, "/project/{project-slug}/job/{job-number}", "200", False),
    ("Artifact", SPEC_2025, "/project/{project-slug}/{job-number}/artifacts", "200", True),
    ("TestResult", SPEC_2025, "/project/{project-slug}/{job-number}/tests", "200", True),
    ("Project", SPEC_2026, "/project/{project-slug}", "200", False),
    ("User", SPEC_2026, "/me", "200", False),
    ("Collaboration", SPEC_2026, "/me/collaborations", "200", True),
    ("Organization", SPEC_2026, "/organization/{org-slug-or-id}", "200", False),
    ("EnvironmentVariable", SPEC_2026, "/project/{project-slug}/envvar", "200", True),
    ("CheckoutKey", SPEC_2026, "/project/{project-slug}/checkout-key", "200", True),
    ("Schedule", SPEC_2026, "/project/{project-slug}/schedule", "200", True),
    ("Context", SPEC_2026, "/context", "200", True),
    ("ContextEnvironmentVariable", SPEC_2026, "/context/{context_id}/environment-variable", "200", True),
    ("ContextRestriction", SPEC_2026, "/context/{context_id}/restrictions", "200", True),
    ("Webhook", SPEC_2026, "/webhook", "200", True),
    ("WorkflowMetrics", SPEC_2026, "/insights/{project-slug}/workflows", "200", True),
    ("WorkflowRun", SPEC_2026, "/insights/{project-slug}/workflows/{workflow-name}", "200", True),
    ("JobMetrics", SPEC_2026, "/insights/{project-slug}/workflows/{workflow-name}/jobs", "200", True),
    ("JobTimeseries", SPEC_2026, "/insights/time-series/{project-slug}/workflows/{workflow-name}/jobs", "200", True),
    ("WorkflowSummary", SPEC_2026, "/insights/{project-slug}/workflows/{workflow-name}/summary", "200", False),
    ("TestMetrics", SPEC_2026, "/insights/{project-slug}/workflows/{workflow-name}/test-metrics", "200", False),
    ("FlakyTests", SPEC_2026, "/insights/{project-slug}/flaky-tests", "200", False),
    ("InsightsBranches", SPEC_2026, "/insights/{project-slug}/branches", "200", False),
    ("OrgSummary", SPEC_2026, "/insights/{org-slug}/summary", "200", False),
    ("ProjectSummary", SPEC_2026, "/insights/pages/{project-slug}/summary", "200", False),
    ("PipelineCreation", SPEC_2026, "/project/{project-slug}/pipeline", "201", False, "post"),
    ("WorkflowRerun", SPEC_2026, "/workflow/{id}/rerun", "202", False, "post"),
    ("MessageResponse", SPEC_2026, "/workflow/{id}/cancel", "202", False, "post"),
]

# Fields the document marks required but real responses omit or send as null
# (circleci-api.md §3.3, §3.5).
NULLABLE_IN_PRACTICE = {("Job", "started_at"), ("JobDetails", "started_at"), ("Job", "job_number")}

# The flaky-tests response really comes back in snake_case although the
# document says kebab-case (circleci-api.md §3.10); records use what the API sends.
SNAKE_CASE = {"FlakyTests"}


def resolve(spec, schema):
    while "$ref" in schema:
        parts = schema["$ref"].lstrip("#/").split("/")
        node = spec
        for part in parts:
            node = node[part]
        schema = node
    return schema


def merge(spec, schema):
    schema = resolve(spec, schema)
    if "allOf" in schema:
        parts = [merge(spec, part) for part in schema["allOf"]]
        if all(part.get("type") not in (None, "object") and "properties" not in part for part in parts):
            # allOf of scalars (an int64 and its minimum): one scalar, not an object.
            scalar = {key: value for key, value in schema.items() if key != "allOf"}
            for part in parts:
                scalar.update(part)
            return scalar
        merged = {"type": "object", "properties": {}, "required": []}
        for part in parts:
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
        return merged
    return schema


def swift_string(text):
    text = " ".join((text or "").split())
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def field_name(name, snake):
    return name.replace("-", "_") if snake else name


def value_type(spec, schema, name, snake, indent, optional=False):
    schema = merge(spec, schema)
    nullable = optional or schema.get("nullable") or schema.get("x-nullable")
    inner = base_type(spec, schema, name, snake, indent)
    return f".optional({inner})" if nullable and inner != ".any" else inner


def base_type(spec, schema, name, snake, indent):
    if "enum" in schema:
        values = ", ".join(swift_string(str(v)) for v in schema["enum"] if v is not None)
        return f".enumeration([{values}])"
    kind = schema.get("type")
    if kind == "string":
        return ".timestamp" if schema.get("format") == "date-time" else ".string"
    if kind == "integer":
        return ".int"
    if kind == "number":
        return ".number"
    if kind == "boolean":
        return ".bool"
    if kind == "array":
        return f".list({value_type(spec, schema.get('items', {}), name, snake, indent)})"
    if kind == "object" or "properties" in schema:
        if not schema.get("properties"):
            return ".record(RecordSchema(name: \"\", fields: []))"
        return f".record({record(spec, schema, name, snake, indent)})"
    return ".any"


def record(spec, schema, name, snake, indent):
    schema = merge(spec, schema)
    pad = "    " * (indent + 1)
    lines = []
    required = set(schema.get("required", []))
    for key, prop in schema.get("properties", {}).items():
        prop_resolved = merge(spec, prop)
        key_name = field_name(key, snake)
        optional = key not in required or (name, key_name) in NULLABLE_IN_PRACTICE
        ftype = value_type(spec, prop, f"{name}.{key_name}", snake, indent + 1, optional)
        summary = swift_string(prop.get("description") or prop_resolved.get("description") or "")
        lines.append(f"{pad}.init({swift_string(key_name)}, {ftype}, summary: {summary}),")
    body = "\n".join(lines)
    close = "    " * indent
    return f"RecordSchema(name: {swift_string(name)}, fields: [\n{body}\n{close}])"


def response_schema(spec, path, status, items, method="get"):
    op = spec["paths"][path][method]
    schema = merge(spec, op["responses"][status]["content"]["application/json"]["schema"])
    if items:
        if schema.get("type") == "array":
            return schema["items"]
        return merge(spec, schema["properties"]["items"])["items"]
    return schema


def main():
    header = [
        "// Generated by Scripts/generate-schemas.py from the OpenAPI documents in",
        "// Tests/CircleCISimulatorTests/Fixtures. Do not edit by hand.",
        "import CQ",
        "",
    ]
    files = {"": header + [
        "/// Record schemas of the CircleCI API, as the OpenAPI document describes them.",
        "enum APISchemas {}",
    ]}
    group_of = {name: group for group, names in GROUPS.items() for name in names}
    for name, spec, path, status, items, *rest in SCHEMAS:
        method = rest[0] if rest else "get"
        schema = response_schema(spec, path, status, items, method)
        lower = name[0].lower() + name[1:]
        group = group_of[name]
        lines = files.setdefault(group, header + ["extension APISchemas {"])
        if lines[-1] != "extension APISchemas {":
            lines.append("")
        lines.append(f"    /// `{method.upper()} {path}`{' (list items)' if items else ''}.")
        lines.append(f"    static let {lower} = {record(spec, schema, name, name in SNAKE_CASE, 1)}")
    os.makedirs(OUTPUT_DIRECTORY, exist_ok=True)
    for existing in os.listdir(OUTPUT_DIRECTORY):
        os.remove(os.path.join(OUTPUT_DIRECTORY, existing))
    for group, lines in files.items():
        if group:
            lines.append("}")
        filename = "APISchemas.swift" if not group else f"APISchemas+{group}.swift"
        with open(os.path.join(OUTPUT_DIRECTORY, filename), "w") as handle:
            handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
