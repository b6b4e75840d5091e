import Foundation
import Localization
import Synchronization

/// The apply journal: `journal.jsonl` in the state directory, one JSON object a line, appended to
/// and fsync'd before each step changes anything. A run that reaches its end writes `finish`; a run
/// without one was interrupted, and the next plan reads what it started (`InterruptedApply`).
/// Only one apply writes at a time: the caller holds the state directory's lock.
public final class ApplyJournal: Sendable {
    public let path: URL
    public let run: String
    private let descriptor = Mutex<Int32>(-1)

    public init(directory: URL, run: String = UUID().uuidString.lowercased()) {
        self.path = directory.appendingPathComponent("journal.jsonl")
        self.run = run
    }

    deinit {
        descriptor.withLock { if $0 >= 0 { close($0) } }
    }

    /// Every entry; a line cut short by a crash is skipped.
    public func entries() -> [JournalEntry] {
        guard let data = try? Data(contentsOf: path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(JournalEntry.self, from: Data($0)) }
    }

    /// Earlier runs that never finished (this run excluded). Before `begin`, as `plan` reads it
    /// without the state directory's lock, a run whose process still lives is running, not interrupted;
    /// after it, the lock guarantees no other apply runs, so every unfinished run was interrupted.
    public func interrupted() -> [InterruptedApply] {
        let found = InterruptedApply.find(in: entries(), excluding: [run])
        guard !isOpen else { return found }
        return found.filter { !LockIdentity.isProcessAlive($0.pid) }
    }

    private var isOpen: Bool { descriptor.withLock { $0 >= 0 } }

    /// Opens the journal for this run and records its start, and that it finishes the interrupted runs.
    /// The caller holds the state directory's lock.
    public func begin(identity: LockIdentity) throws {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        let opened = open(path.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard opened >= 0 else {
            throw ReconcileError(.stepFailed, LocalizedMessage("engine.journal.open", ["path": path.path, "detail": String(cString: strerror(errno))]))
        }
        descriptor.withLock { current in
            if current >= 0 { close(current) }
            current = opened
        }
        // A crash mid-write can leave a torn last line: end it, or this run's first line would join it.
        if let last = try? Data(contentsOf: path).last, last != UInt8(ascii: "\n") {
            try appendRaw(Data([UInt8(ascii: "\n")]), sync: false)
        }
        try append(JournalEntry(event: .begin, run: run, owner: identity.owner, pid: identity.pid), sync: false)
        for earlier in interrupted() where !earlier.alreadyReported {
            try append(JournalEntry(event: .recovered, run: run, previousRun: earlier.run), sync: false)
        }
        try append(nil, sync: true)
    }

    /// Feeds the executor's events in: a start is on disk before the step runs.
    public func record(_ event: ExecutionEvent) throws {
        switch event {
        case .started(let step):
            let volume = step.action.createdVolume
            try append(JournalEntry(event: .start, run: run, step: step.id, hypervisor: step.resource.hypervisor,
                                    pool: volume?.pool, volume: volume?.name), sync: true)
        case .succeeded(let step, _, _), .failed(let step, _, _):
            let volume = step.action.createdVolume
            let outcome = if case .succeeded = event { "succeeded" } else { "failed" }
            try append(JournalEntry(event: .end, run: run, step: step.id, hypervisor: step.resource.hypervisor,
                                    pool: volume?.pool, volume: volume?.name, outcome: outcome), sync: false)
        case .progress, .transferred, .skipped, .blocked:
            return
        }
    }

    /// Closes the run. A converged run leaves nothing for a later one to clean up, so the journal
    /// is emptied; otherwise `finish` is appended and earlier interrupted runs stay on record.
    public func finish(converged: Bool) throws {
        if converged {
            try descriptor.withLock { descriptor in
                guard descriptor >= 0 else { return }
                if ftruncate(descriptor, 0) != 0 {
                    throw ReconcileError(.stepFailed, LocalizedMessage("engine.journal.empty", ["path": path.path, "detail": String(cString: strerror(errno))]))
                }
                fsync(descriptor)
            }
        } else {
            try append(JournalEntry(event: .finish, run: run), sync: true)
        }
        descriptor.withLock { descriptor in
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }
    }

    /// Writes one line (nil: none, only the sync) with a single write(2), so lines never interleave.
    private func append(_ entry: JournalEntry?, sync: Bool) throws {
        var line = Data()
        if let entry {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .secondsSince1970
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            line = try encoder.encode(entry)
            line.append(UInt8(ascii: "\n"))
        }
        try appendRaw(line, sync: sync)
    }

    private func appendRaw(_ line: Data, sync: Bool) throws {
        try descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            let written = line.withUnsafeBytes { bytes in bytes.isEmpty ? 0 : write(descriptor, bytes.baseAddress, bytes.count) }
            guard written == line.count else {
                throw ReconcileError(.stepFailed, LocalizedMessage("engine.journal.write", ["path": path.path, "detail": String(cString: strerror(errno))]))
            }
            if sync && fsync(descriptor) != 0 {
                throw ReconcileError(.stepFailed, LocalizedMessage("engine.journal.sync", ["path": path.path, "detail": String(cString: strerror(errno))]))
            }
        }
    }
}
