/// Progress of an apply, reported as it happens so long steps are visible.
public enum ExecutionEvent: Sendable {
    case started(Step)
    case succeeded(Step, duration: Duration, detail: String?)
    case failed(Step, duration: Duration, error: String)
    case skipped(Step, becauseOf: String)
}
