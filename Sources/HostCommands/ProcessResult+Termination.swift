import Subprocess

extension ProcessResult {
    /// Folds a signal into the exit status the way shells do (128 + signal), so callers
    /// compare one number whether the program exited or was killed.
    init(status: TerminationStatus, standardOutput: String?, standardError: String?) {
        let code: Int32 = switch status {
        case .exited(let exitCode): Int32(exitCode)
        case .signaled(let signal): 128 + Int32(signal)
        }
        self.init(exitStatus: code, standardOutput: standardOutput ?? "", standardError: standardError ?? "")
    }
}
