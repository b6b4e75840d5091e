/// The version `reconcile --version` prints: the one place it is written.
enum ReconcileVersion {
    static let current = "0.1.0"
}
