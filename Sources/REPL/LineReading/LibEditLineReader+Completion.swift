import CLibEdit

extension LibEditLineReader {
    /// Tab: asks the provider and edits the line. Runs inside `el_gets`.
    ///
    /// One candidate is inserted with its suffix; several insert their longest
    /// common prefix and are listed in columns, after which libedit redraws the
    /// prompt and line below the list; none beeps.
    func complete() -> UInt8 {
        guard let info = el_line(editorHandle)?.pointee, let buffer = info.buffer, let cursor = info.cursor,
            cursor >= buffer
        else { return UInt8(CC_ERROR) }
        let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursor - buffer), as: UTF8.self)
        let request = CompletionRequest(text: pendingText + line, currentLineStart: pendingText.utf8.count)
        let answer = completions.completions(for: request)
        let text = Array(request.text.utf8)
        guard answer.replacementStart >= request.currentLineStart, answer.replacementStart <= text.count else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let typed = String(decoding: text[answer.replacementStart...], as: UTF8.self)
        switch CompletionPlan.make(typed: typed, candidates: answer.candidates) {
        case .beep:
            return UInt8(CC_REFRESH_BEEP)
        case .replace(let replacement):
            return replace(typed, with: replacement) ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
        case .list(let replacement, let items):
            if let replacement { _ = replace(typed, with: replacement) }
            let width = Int(cq_el_columns(editorHandle, 80))
            let lines = ColumnLayout.lines(for: items, width: width)
            output.write("\r\n" + lines.joined(separator: "\r\n") + "\r\n")
            return UInt8(CC_REDISPLAY)
        }
    }

    /// Replaces the `typed` text before the cursor; false if libedit refused.
    private func replace(_ typed: String, with replacement: String) -> Bool {
        if replacement.utf8.starts(with: typed.utf8) {
            let rest = String(decoding: replacement.utf8.dropFirst(typed.utf8.count), as: UTF8.self)
            return rest.isEmpty || el_insertstr(editorHandle, rest) == 0
        }
        // el_deletestr counts characters as libedit stores them: one per scalar.
        el_deletestr(editorHandle, Int32(clamping: typed.unicodeScalars.count))
        return el_insertstr(editorHandle, replacement) == 0
    }
}
