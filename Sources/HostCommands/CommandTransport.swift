/// Where commands run: this machine, or a host or guest over OpenSSH. Host probes, host steps and
/// guest provisioning all run their commands through one of these, so that quoting, SSH options and
/// results are decided in one place.
public protocol CommandTransport: Sendable {
    /// Where commands run, for messages: "this machine", "root@kvm1 over SSH".
    var target: String { get }

    /// Runs `argv` (program first, looked up in the target's PATH). `input` nil leaves stdin empty;
    /// `timeout` nil waits for as long as it takes. A non-zero exit is a result, not an error;
    /// failing to start and timing out throw.
    func run(_ argv: [String], input: String?, timeout: Duration?) async throws(ProcessError) -> ProcessResult

    /// Whether `result` is the transport failing (ssh's own exit status 255: no connection,
    /// refused key) rather than the command's answer.
    func failedToReach(_ result: ProcessResult) -> Bool
}

extension CommandTransport {
    /// Runs `argv` with an empty stdin and no timeout.
    public func run(_ argv: [String]) async throws(ProcessError) -> ProcessResult {
        try await run(argv, input: nil, timeout: nil)
    }

    /// Local programs and recorded answers never fail to reach their target.
    public func failedToReach(_ result: ProcessResult) -> Bool { false }
}
