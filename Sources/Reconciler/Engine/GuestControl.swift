import Localization

/// The imperative verbs on one guest (`reconcile start|stop|restart|ip|ssh|console`): each finds the
/// domain afresh and refuses one reconcile did not create unless `force`, as apply leaves those alone.
public struct GuestControl: Sendable {
    public let hypervisor: any Hypervisor
    public let force: Bool

    public init(hypervisor: any Hypervisor, force: Bool) {
        self.hypervisor = hypervisor
        self.force = force
    }

    /// The domain as libvirt has it now, if reconcile may act on it.
    public func domain(named name: String) async throws -> ObservedDomain {
        guard let domain = try await hypervisor.observe().domain(named: name) else {
            throw ReconcileError(.notFound, LocalizedMessage("engine.noSuchDomain", ["name": name, "uri": hypervisor.uri]))
        }
        if domain.ownership == nil && !force {
            let arguments = ["name": name, "uri": hypervisor.uri]
            throw ReconcileError(.notManaged, domain.ownershipRecordedFor == nil ? LocalizedMessage("engine.domainNotManaged", arguments)
                                     : LocalizedMessage("engine.domainIsCopy", arguments))
        }
        return domain
    }

    /// Starts a shut-off guest; says what it did (nothing, for a running one).
    public func start(_ name: String) async throws -> String {
        let domain = try await domain(named: name)
        guard !domain.state.isActive else { return "'\(name)' is already \(domain.state.rawValue)" }
        try await hypervisor.startDomain(named: name)
        return "started '\(name)'"
    }

    /// The same stop as apply's: an ACPI shutdown, then a forced power-off after `timeout`.
    public func stop(_ name: String, timeout: Duration) async throws -> String {
        let domain = try await domain(named: name)
        guard domain.state.isActive else { return "'\(name)' is already \(domain.state.rawValue)" }
        let clock = ContinuousClock()
        let began = clock.now
        let forced = try await hypervisor.shutdownDomain(named: name, timeout: timeout)
        let took = Self.seconds(clock.now - began)
        return forced ? "stopped '\(name)': it did not power off within \(timeout) of the ACPI shutdown request, so it was forced off (after \(took))"
            : "stopped '\(name)' with an ACPI shutdown in \(took)"
    }

    /// A stop (graceful, then forced) followed by a start.
    public func restart(_ name: String, timeout: Duration) async throws -> String {
        let stopped = try await stop(name, timeout: timeout)
        try await hypervisor.startDomain(named: name)
        return "\(stopped); started it again"
    }

    /// The guest's current addresses from the sources wait-for-ip reads (DHCP leases, the guest agent,
    /// ARP), without waiting: the newest lease first, since a reused MAC keeps an earlier guest's.
    public func addresses(_ name: String) async throws -> [GuestAddress] {
        let domain = try await domain(named: name)
        guard domain.state.isActive else {
            throw ReconcileError(.unsupported, LocalizedMessage("engine.noAddressWhenOff", ["name": name, "state": domain.state.rawValue]))
        }
        let report = try await hypervisor.guestAddresses(domain: name)
        let ordered = GuestAddress.preferred(report.addresses)
        guard !ordered.isEmpty else {
            throw ReconcileError(.notFound, LocalizedMessage("engine.noAddressYet", ["name": name, "sources": report.sourcesTried]))
        }
        return ordered
    }

    static func seconds(_ duration: Duration) -> String {
        let components = duration.components
        let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return "\((value * 10).rounded() / 10) s"
    }
}
