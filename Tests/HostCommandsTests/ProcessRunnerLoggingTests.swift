import HostCommands
import Logging
import Testing

@Suite("What --verbose shows of the commands reconcile runs")
struct ProcessRunnerLoggingTests {
    @Test("each command is logged as a shell reads it, with its exit status; stdin, where secrets travel, is not")
    func logsCommands() async throws {
        let store = CapturingLogHandler.Store()
        let logger = Logger(label: "test") { _ in CapturingLogHandler(store: store) }
        let runner = ProcessRunner(logger: logger)
        let result = try await runner.run("sh", ["-c", "cat >/dev/null; exit 3"], input: "token-s3cret")
        #expect(result.exitStatus == 3)
        let messages = store.messages.withLock { $0 }
        #expect(messages.first == "debug run: sh -c 'cat >/dev/null; exit 3' (stdin: 12 bytes, not shown)", "\(messages)")
        #expect(messages.count == 2)
        #expect(messages.last?.hasPrefix("debug exit 3 in ") == true, "\(messages)")
        #expect(messages.last?.hasSuffix(": sh -c 'cat >/dev/null; exit 3'") == true, "\(messages)")
        #expect(!messages.joined().contains("s3cret"))
    }
}
