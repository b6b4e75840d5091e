import Localization

/// Carries out one action through the hypervisor protocol.
struct StepRunner {
    let host: HostConnection
    let shutdownTimeout: Duration
    /// Reports progress of the running step.
    var progress: @Sendable (String) -> Void = { _ in }
    /// Reports the bytes an upload sent to the host.
    var transferred: @Sendable (UInt64) -> Void = { _ in }

    var hypervisor: any Hypervisor { host.hypervisor }

    /// Returns a short detail worth showing next to the step (e.g. that a shutdown had to be forced).
    func run(_ action: Action) async throws -> LocalizedText? {
        switch action {
        case .defineNetwork(let definition): try await hypervisor.defineNetwork(definition)
        case .updateNetwork(let patch): try await hypervisor.updateNetwork(patch)
        case .startNetwork(let name): try await hypervisor.startNetwork(named: name)
        case .stopNetwork(let name): try await hypervisor.stopNetwork(named: name)
        case .setNetworkAutostart(let name, let enabled): try await hypervisor.setNetworkAutostart(named: name, enabled)
        case .undefineNetwork(let name): try await hypervisor.undefineNetwork(named: name)
        case .definePool(let definition): try await hypervisor.definePool(definition)
        case .buildPool(let name): try await hypervisor.buildPool(named: name)
        case .startPool(let name): try await hypervisor.startPool(named: name)
        case .setPoolAutostart(let name, let enabled): try await hypervisor.setPoolAutostart(named: name, enabled)
        case .createVolume(let definition): try await hypervisor.createVolume(definition)
        case .resizeVolume(let pool, let name, let capacity):
            try await hypervisor.resizeVolume(pool: pool, name: name, capacity: capacity)
        case .deleteVolume(let pool, let name): try await hypervisor.deleteVolume(pool: pool, name: name)
        case .defineDomain(let definition): try await hypervisor.defineDomain(definition)
        case .updateDomain(let patch): try await hypervisor.updateDomain(patch)
        case .applyLive(let change): try await hypervisor.applyLive(change)
        case .detachDevices(let detach): try await hypervisor.detachDevices(detach)
        case .recordOwnership(let ownership, let domain): try await hypervisor.recordOwnership(ownership, onDomain: domain)
        case .startDomain(let name): try await hypervisor.startDomain(named: name)
        case .shutdownDomain(let name, let seconds):
            let timeout = seconds.map { Duration.seconds($0) } ?? shutdownTimeout
            let forced = try await hypervisor.shutdownDomain(named: name, timeout: timeout)
            return forced ? LocalizedText(LocalizedMessage("engine.detail.forcedOff", ["seconds": timeout.secondsText])) : nil
        case .setDomainAutostart(let name, let enabled): try await hypervisor.setDomainAutostart(named: name, enabled)
        case .undefineDomain(let name): try await hypervisor.undefineDomain(named: name)
        case .downloadImage(let transfer): return try await download(transfer)
        case .uploadImage(let transfer): return try await upload(transfer)
        case .createSeed(let seed): return try await createSeed(seed)
        case .waitForIP(let wait): return try await waitForIP(wait)
        case .waitForSSH(let wait): return try await waitForSSH(wait)
        case .installAgent(let wait, let request): return try await installAgent(wait, request)
        case .installPackages(let packages): try await system().installPackages(packages)
        case .enableService(let name): try await system().enableService(name)
        case .startService(let name): try await system().startService(name)
        case .addUserToGroup(let user, let group): try await system().addUserToGroup(user: user, group: group)
        case .createSnapshot(let definition): return try await hypervisor.createSnapshot(definition)
        case .deleteSnapshot(let domain, let name): return try await hypervisor.deleteSnapshot(named: name, ofDomain: domain)
        case .revertSnapshot(let domain, let name, let force):
            return try await hypervisor.revertSnapshot(named: name, ofDomain: domain, force: force)
        }
        return nil
    }
}
