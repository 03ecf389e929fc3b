import CQ

extension RuntimeError {
    /// This error with a note naming the flag that raises the limit it hit,
    /// for the limits the CLI's flags set.
    func namingItsFlag() -> RuntimeError {
        let flag: String? =
            switch diagnostic.id {
            case "step-limit": "--max-steps N (0: no limit)"
            case "row-limit": "--max-rows N"
            case "timeout": "--timeout SECONDS"
            default: nil
            }
        guard let flag else { return self }
        var error = self
        error.diagnostic.notes.append(Diagnostic.Note("raise the limit with \(flag)"))
        return error
    }
}
