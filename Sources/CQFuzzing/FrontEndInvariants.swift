import CQ

/// What must hold of any text the front end reads.
enum FrontEndInvariants {
    /// Diagnostics point inside the text; the report stays short; a program
    /// without syntax errors formats into text that parses back to the same tree.
    static func check(_ text: String) -> [String] {
        let source = SourceFile(name: "fuzz.cq", text: text)
        let parsed = Parser.parse(source)
        var violations = checkReport(parsed.diagnostics, in: source)
        _ = InputCompleteness.check(text)
        _ = parsed.program.printed()
        guard !parsed.hasErrors else { return violations }
        let formatted = Formatter.format(parsed.program, source: source)
        let reparsed = Parser.parse(SourceFile(name: "formatted.cq", text: formatted))
        if reparsed.hasErrors {
            violations.append("the formatted program does not parse: \(formatted.debugDescription)")
        } else if !reparsed.program.isEqualIgnoringRanges(parsed.program) {
            violations.append("formatting changed the program: \(text.debugDescription) → \(formatted.debugDescription)")
        }
        return violations
    }

    /// Every range inside the text, and a rendered report of bounded size.
    static func checkReport(_ diagnostics: [Diagnostic], in source: SourceFile) -> [String] {
        let length = source.text.utf8.count
        var violations: [String] = []
        for diagnostic in diagnostics {
            let ranges = [diagnostic.range] + diagnostic.notes.compactMap(\.range) + [diagnostic.fixIt?.range].compactMap { $0 }
            for range in ranges where range.start < 0 || range.end > length || range.start > range.end {
                violations.append("`\(diagnostic.id)` points outside the text: \(range)")
            }
        }
        let report = DiagnosticRenderer().render(diagnostics, in: source)
        if report.utf8.count > 200_000 {
            violations.append("a report of \(report.utf8.count) bytes for \(length) bytes of input")
        }
        return violations
    }
}
