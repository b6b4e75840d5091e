import Localization

/// Progress of an apply, reported as it happens so long steps are visible.
public enum ExecutionEvent: Sendable {
    case started(Step)
    /// A long step's progress (bytes downloaded, what the last SSH attempt saw).
    case progress(Step, String)
    /// The bytes a step sent to the host (an image or a seed upload), reported before it succeeds;
    /// an upload that found its volume already there reports 0.
    case transferred(Step, bytes: UInt64)
    /// The detail is worded when shown: the terminal in the user's language, JSON in English.
    case succeeded(Step, duration: Duration, detail: LocalizedText?)
    case failed(Step, duration: Duration, error: StepFailure)
    case skipped(Step, becauseOf: String)
    /// Not run: its hypervisor has a preflight blocker. JSON says why in English (`blockerReason`).
    case blocked(Step, hypervisor: String)
}
