import Foundation
import Testing
@testable import Reconciler

@Suite("Apply journal")
struct ApplyJournalTests {
    /// Runs "killed" in this test: no process has this pid.
    static let dead = LockIdentity(user: "u", machine: "m", pid: Int32.max)

    static func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-journal-\(UUID().uuidString)")
    }

    static func createVolumeStep(_ name: String) -> Step {
        Step(resource: .volume(hypervisor: "kvm1", pool: "p", name: name),
             action: .createVolume(VolumeDefinition(pool: "p", name: name, capacity: 1, format: .qcow2)), reason: "")
    }

    @Test("a run without finish is interrupted: its open steps and its volumes, complete only when the step succeeded")
    func interruptedRuns() throws {
        let directory = Self.directory()
        let first = ApplyJournal(directory: directory, run: "run-1")
        try first.begin(identity: LockIdentity(user: "u", machine: "m", pid: Int32.max))
        try first.record(.started(Self.createVolumeStep("a")))
        try first.record(.succeeded(Self.createVolumeStep("a"), duration: .zero, detail: nil))
        try first.record(.started(Self.createVolumeStep("b")))
        try first.record(.failed(Self.createVolumeStep("b"), duration: .zero, error: StepFailure(text: "boom", english: "boom")))
        try first.record(.started(Self.createVolumeStep("c")))
        // killed here; a torn line as a crash mid-write could leave
        let handle = try FileHandle(forWritingTo: first.path)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"event\":\"en".utf8))
        try handle.close()

        let second = ApplyJournal(directory: directory, run: "run-2")
        let found = second.interrupted()
        try #require(found.count == 1)
        #expect(found[0].run == "run-1" && found[0].owner == "u@m" && found[0].pid == Int32.max)
        #expect(found[0].unfinishedSteps.map(\.step) == [Self.createVolumeStep("c").id])
        #expect(found[0].volumes.map(\.name) == ["a", "b", "c"])
        #expect(found[0].volumes.map(\.complete) == [true, false, false])
        #expect(!found[0].alreadyReported)

        // The run that finishes it says so, but its own plans still see the notice.
        try second.begin(identity: Self.dead)
        #expect(second.interrupted().map(\.alreadyReported) == [false])
        // Killed too: a third run sees both, and run-1 as already reported.
        let third = ApplyJournal(directory: directory, run: "run-3")
        #expect(third.interrupted().map(\.run) == ["run-1", "run-2"])
        #expect(third.interrupted().map(\.alreadyReported) == [true, false])

        try third.begin(identity: Self.dead)
        try third.finish(converged: false)
        #expect(ApplyJournal(directory: directory).interrupted().map(\.run) == ["run-1", "run-2"])
        let fourth = ApplyJournal(directory: directory, run: "run-4")
        try fourth.begin(identity: Self.dead)
        try fourth.finish(converged: true)
        #expect(ApplyJournal(directory: directory).entries().isEmpty)
    }

    @Test("plan, which holds no lock, does not take a running apply for an interrupted one")
    func runningIsNotInterrupted() throws {
        let directory = Self.directory()
        let running = ApplyJournal(directory: directory)
        try running.begin(identity: .current)
        try running.record(.started(Self.createVolumeStep("a")))
        #expect(ApplyJournal(directory: directory).interrupted().isEmpty)
        // An apply holds the state directory's lock: whatever is unfinished then was interrupted.
        let next = ApplyJournal(directory: directory)
        try next.begin(identity: .current)
        #expect(next.interrupted().map(\.run) == [running.run])
    }
}
