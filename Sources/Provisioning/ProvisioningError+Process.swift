import HostCommands

extension ProvisioningError {
    /// Keeps the runner's text as it is (worded in the reader's language when shown); only the code is
    /// mapped, so a timeout stays catchable as `.timeout` and a program that would not start reads as
    /// the command having failed.
    init(_ error: ProcessError) {
        switch error.code {
        case .timeout: self.init(.timeout, error.text)
        case .cannotRun: self.init(.commandFailed, error.text)
        }
    }
}
