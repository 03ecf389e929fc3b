/// The few terminal control sequences the REPL uses.
enum ANSI {
    /// Back to column 0 and erase to the end of the line.
    static let eraseLine = "\r\u{1B}[K"
    /// Cursor home, then clear the screen.
    static let clearScreen = "\u{1B}[H\u{1B}[2J"
    static let bold = "\u{1B}[1m"
    static let cyan = "\u{1B}[36m"
    static let yellow = "\u{1B}[33m"
    static let dim = "\u{1B}[2m"
    static let reset = "\u{1B}[0m"
}
