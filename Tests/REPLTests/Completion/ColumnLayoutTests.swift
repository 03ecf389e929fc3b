import CQ
import Testing

@testable import REPL

struct ColumnLayoutTests {
    @Test func itemsRunDownColumnsThatFitTheWidth() {
        let items = ["alpha", "beta", "gamma", "delta", "epsilon"]
        // Cells are 9 wide ("epsilon" + 2); 20 columns fit 2 of them.
        #expect(ColumnLayout.lines(for: items, width: 20) == ["alpha    delta", "beta     epsilon", "gamma"])
    }

    @Test func everythingFitsOnOneLineWhenTheTerminalIsWide() {
        #expect(ColumnLayout.lines(for: ["a", "bb", "ccc"], width: 80) == ["a    bb   ccc"])
    }

    @Test func itemsWiderThanTheTerminalGetALineEach() {
        let items = ["a-very-long-candidate", "another-long-candidate"]
        #expect(ColumnLayout.lines(for: items, width: 10) == items)
    }

    @Test func noLineHasTrailingSpaces() {
        let items = (1...23).map { "item\($0)" }
        for line in ColumnLayout.lines(for: items, width: 37) {
            #expect(line.last != " ")
            #expect(line.count <= 37)
        }
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(DisplayWidth.columns("日本") == 4)
        #expect(DisplayWidth.columns("café") == 4)
        #expect(DisplayWidth.columns("cafe\u{301}") == 4)
        #expect(DisplayWidth.columns("☕") == 2)
        #expect(ColumnLayout.lines(for: ["日本", "ab"], width: 80) == ["日本  ab"])
    }

    @Test func longListsAreCut() {
        let items = (1...(ColumnLayout.maximumItems + 5)).map(String.init)
        let lines = ColumnLayout.lines(for: items, width: 80)
        #expect(lines.last == "… and 5 more")
    }

    @Test func nothingToShowIsNoLines() {
        #expect(ColumnLayout.lines(for: [], width: 80).isEmpty)
    }
}
