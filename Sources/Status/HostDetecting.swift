import HostProbe
import Spec

/// Reads the machine a Hypervisor runs on, as `reconcile detect` does. The CLI probes this machine or
/// `spec.ssh`; tests read fixture trees.
public protocol HostDetecting: Sendable {
    /// Throws when the machine cannot be probed; the error's text becomes the host's note.
    func detect(for hypervisor: HypervisorSpec) async throws -> DetectionReport
}
