import Testing

@testable import REPL

/// When the REPL pages, and with what.
struct PagerTests {
    @Test func thePagerComesFromTheEnvironment() {
        #expect(Pager.fromEnvironment { _ in nil }.command == "less -FRX")
        #expect(Pager.fromEnvironment { $0 == "PAGER" ? "more" : nil }.command == "more")
        #expect(Pager.fromEnvironment { ["PAGER": "more", "CQ_PAGER": "most"][$0] }.command == "most")
        #expect(Pager.fromEnvironment { $0 == "PAGER" ? "" : nil }.command == nil, "PAGER= turns paging off")
        #expect(Pager.fromEnvironment { ["PAGER": "more", "CQ_PAGER": ""][$0] }.command == nil)
    }

    @Test func onlyTextThatDoesNotFitIsPaged() {
        let pager = Pager(command: "less -FRX")
        let lines = (1...9).map { "row \($0)" }.joined(separator: "\n") + "\n"
        #expect(!pager.shouldPage(lines, rows: 10, columns: 80), "nine lines and the prompt fit ten rows")
        #expect(pager.shouldPage(lines + "row 10\n", rows: 10, columns: 80))
        #expect(pager.shouldPage("short\n" + String(repeating: "x", count: 81) + "\n", rows: 10, columns: 80))
        #expect(!pager.shouldPage(lines + "row 10\n", rows: nil, columns: nil), "not a terminal")
        #expect(!Pager(command: "less", isOn: false).shouldPage(lines + "row 10\n", rows: 10, columns: 80))
        #expect(!Pager(command: nil).shouldPage(lines + "row 10\n", rows: 10, columns: 80))
        let coloured = "\u{1B}[1m" + String(repeating: "x", count: 80) + "\u{1B}[0m\n"
        #expect(!pager.shouldPage(coloured, rows: 10, columns: 80), "escape sequences take no columns")
    }
}
