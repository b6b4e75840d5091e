import Foundation
import Testing

/// The local half of the apply lock: the state directory (journal, keys) is used by one apply at a time.
@Suite("Command line: the state directory lock")
struct CLILockTests {
    @Test("apply refuses while another apply holds the state directory, names it, changes nothing; proceeds once free")
    func stateDirectoryLocked() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-cli-lock-\(UUID().uuidString)")
        let state = scratch.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lockPath = state.appendingPathComponent("apply.lock").path
        try "ops@ctl9 (pid 4242) since 2026-12-03T06:00:00Z".write(toFile: lockPath, atomically: false, encoding: .utf8)
        // Held the way a running apply holds it: flock on the file (another open file description).
        let descriptor = open(lockPath, O_RDWR)
        try #require(descriptor >= 0)
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let arguments = ["apply", Manifests.exampleDirectory, "--connect", "test:///default",
                         "--state-dir", state.path, "--cache-dir", scratch.appendingPathComponent("cache").path]

        let clock = ContinuousClock()
        let start = clock.now
        let refused = try CLI.reconcile(arguments + ["--lock-timeout", "1"])
        #expect(clock.now - start >= .seconds(1))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is in use by ops@ctl9 (pid 4242)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was changed"))
        #expect(!refused.stdout.contains("done "))

        flock(descriptor, LOCK_UN)
        close(descriptor)
        let applied = try CLI.reconcile(arguments)
        #expect(applied.status == 0, "\(applied.output)")
        #expect(applied.stdout.contains("Converged"))
    }
}
