import Testing
@testable import CQ

@Test func smoke() {
    print(dumpClean(#"pipelines("gh/acme/api") | where state == "failed" | jobs"#))
    print(dumpClean("pipelines(\"gh/acme/api\")\n  | where state == \"failed\"   # comment\n  | jobs"))
    print(parse("pipelines(\"gh/acme/api\") | where").diagnostics)
}
