import Synchronization
@testable import Reconciler
import Spec

/// An in-memory machine below libvirt: host steps change its facts, and the connector it shares
/// with answers only while its daemon runs.
final class FakeHostSystem: HostSystem {
    let target = "fake machine"
    private let state: Mutex<HostFacts>
    private let calls = Mutex<[String]>([])

    init(_ facts: HostFacts) {
        state = Mutex(facts)
    }

    var current: HostFacts { state.withLock { $0 } }
    var recordedCalls: [String] { calls.withLock { $0 } }

    /// A machine where nothing is installed yet, with systemd.
    static func bare(serviceManager: ServiceManagerKind = .systemd, packages: [String] = ["qemu-kvm", "libvirt"]) -> HostFacts {
        HostFacts(distribution: "Testix 1", packageManager: "apt", serviceManager: serviceManager,
                  libvirtService: "libvirtd", neededPackages: packages, missingPackages: packages,
                  serviceEnabled: false, serviceRunning: false, userGroups: ["alice": ["alice"]],
                  kvmDevice: .usable, isoBuilder: "xorriso", daemonLogHint: "journalctl -u libvirtd")
    }

    /// The same machine once everything is in place.
    static func ready() -> HostFacts {
        var facts = bare()
        facts.missingPackages = []
        facts.serviceEnabled = true
        facts.serviceRunning = true
        facts.userGroups = ["alice": ["alice", "kvm", "libvirt"]]
        return facts
    }

    func facts(_ request: HostFactsRequest) async throws -> HostFacts { current }

    func installPackages(_ packages: [String]) async throws {
        calls.withLock { $0.append("install \(packages.joined(separator: " "))") }
        state.withLock { $0.missingPackages.removeAll { packages.contains($0) } }
    }

    func enableService(_ name: String) async throws {
        calls.withLock { $0.append("enable \(name)") }
        state.withLock { $0.serviceEnabled = true }
    }

    func startService(_ name: String) async throws {
        calls.withLock { $0.append("start \(name)") }
        state.withLock { $0.serviceRunning = true }
    }

    func addUserToGroup(user: String, group: String) async throws {
        calls.withLock { $0.append("add \(user) to \(group)") }
        state.withLock { $0.userGroups[user, default: []].append(group) }
    }
}

struct FakeHostSystemConnector: HostSystemConnector {
    let system: FakeHostSystem

    func system(for hypervisor: HypervisorSpec) async throws -> any HostSystem { system }
}

/// libvirt that answers only once the fake machine's daemon runs, as a real socket would.
struct DaemonGatedConnector: HypervisorConnector {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "Failed to connect socket to '/run/libvirt/libvirt-sock': No such file or directory" }
    }

    let hypervisor: FakeHypervisor
    let system: FakeHostSystem

    func connect(uri: String) async throws -> any Hypervisor {
        guard system.current.serviceRunning else { throw Refused() }
        return hypervisor
    }
}
