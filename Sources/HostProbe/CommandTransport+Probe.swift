import HostCommands

extension CommandTransport {
    /// Runs a probe command. nil means "unknown": the program could not be started or is missing
    /// on the host (127 from the remote shell), or the host could not be reached; a probe never
    /// turns that into an error.
    public func probe(_ argv: [String]) async -> ProcessResult? {
        guard let result = try? await run(argv), result.exitStatus != 127, !failedToReach(result) else { return nil }
        return result
    }
}
