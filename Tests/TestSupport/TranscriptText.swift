/// Turns raw terminal output into text assertions can search.
public enum TranscriptText {
    /// Removes escape sequences (CSI, OSC, two-byte), carriage returns, bells and
    /// backspaces. An unfinished sequence at the end is dropped, so cleaning a
    /// longer transcript never changes the cleaned text of its prefix.
    public static func clean(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x1B:
                index = endOfEscape(in: bytes, from: index)
            case 0x0D, 0x07, 0x08:
                index += 1
            default:
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Cleans and decodes.
    public static func clean(_ text: String) -> String {
        String(decoding: clean(Array(text.utf8)), as: UTF8.self)
    }

    /// The index just past the escape sequence starting at `start`.
    private static func endOfEscape(in bytes: [UInt8], from start: Int) -> Int {
        guard start + 1 < bytes.count else { return bytes.count }
        var index = start + 2
        switch bytes[start + 1] {
        case UInt8(ascii: "["):  // CSI: parameters, then a final byte 0x40...0x7E
            while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
            return min(index + 1, bytes.count)
        case UInt8(ascii: "]"):  // OSC: up to BEL or ESC \
            while index < bytes.count {
                if bytes[index] == 0x07 { return index + 1 }
                if bytes[index] == 0x1B, index + 1 < bytes.count { return index + 2 }
                index += 1
            }
            return bytes.count
        default:
            return index
        }
    }
}
