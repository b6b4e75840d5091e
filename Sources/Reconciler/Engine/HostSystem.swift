import Spec

/// The machine behind a hypervisor, below libvirt: its packages, daemons and groups. An adapter
/// implements it over local commands or OpenSSH; tests implement it in memory. Every call reads or
/// changes the host directly: nothing is cached between calls.
public protocol HostSystem: Sendable {
    /// Where commands run, for messages: "this machine" or "root@kvm1 over SSH".
    var target: String { get }

    func facts(_ request: HostFactsRequest) async throws -> HostFacts

    func installPackages(_ packages: [String]) async throws
    func enableService(_ name: String) async throws
    /// Returns once the daemon answers, or throws with what it said.
    func startService(_ name: String) async throws
    func addUserToGroup(user: String, group: String) async throws
}

/// Opens the host system of a `state: ready` hypervisor; the CLI passes the command-running one.
public protocol HostSystemConnector: Sendable {
    func system(for hypervisor: HypervisorSpec) async throws -> any HostSystem
}
