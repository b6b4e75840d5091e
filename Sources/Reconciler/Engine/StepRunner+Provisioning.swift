import Foundation
import Localization
import Synchronization

extension StepRunner {
    func services() throws -> ProvisioningServices {
        guard let services = host.provisioning else {
            throw ReconcileError(.unsupported, LocalizedMessage("engine.noProvisioning"))
        }
        return services
    }

    func download(_ transfer: ImageTransfer) async throws -> LocalizedText? {
        let services = try services()
        if services.images.cachedFile(digest: transfer.digest) != nil { return LocalizedText(LocalizedMessage("engine.detail.cached")) }
        let file = try await services.images.fetch(transfer.source, digest: transfer.digest, progress: progress)
        let size = (try? file.fileSize()) ?? 0
        return LocalizedText(LocalizedMessage("engine.detail.verified", ["digest": String(transfer.digest.prefix(19)), "size": Self.mebibytes(size)]))
    }

    func upload(_ transfer: ImageTransfer) async throws -> LocalizedText? {
        let services = try services()
        guard let file = services.images.cachedFile(digest: transfer.digest) else {
            throw ReconcileError(.stepFailed, LocalizedMessage("engine.imageNotCached", [
                "distribution": transfer.distribution, "role": transfer.role.rawValue, "digest": transfer.digest,
            ]))
        }
        let size = try file.fileSize()
        var volume = transfer.volume
        volume.capacity = size
        let sent = Mutex<UInt64>(0)
        try await hypervisor.uploadVolume(volume, from: file) { bytes, total in
            sent.withLock { $0 = max($0, bytes) }
            // Progress lines reach only the terminal (never JSON): worded in the user's language.
            progress(Localizer.current.text("engine.progress.uploaded", ["done": Self.mebibytes(bytes), "total": Self.mebibytes(total)]))
        }
        let uploaded = sent.withLock { $0 }
        transferred(uploaded)
        // Another run may have uploaded it since the plan: the volume is there, nothing was sent.
        if uploaded == 0 && size > 0 { return LocalizedText(LocalizedMessage("engine.detail.alreadyUploaded", ["volume": "\(volume.pool)/\(volume.name)"])) }
        return LocalizedText(LocalizedMessage("engine.detail.uploaded", [
            "size": Self.mebibytes(uploaded), "bytes": String(uploaded), "volume": "\(volume.pool)/\(volume.name)",
        ]))
    }

    func createSeed(_ seed: SeedUpload) async throws -> LocalizedText? {
        let services = try services()
        let file = try await services.seeds.build(seed.request)
        defer { try? FileManager.default.removeItem(at: file) }
        let size = try file.fileSize()
        let volume = VolumeDefinition(pool: seed.pool, name: seed.volume, capacity: size, format: .raw)
        let sent = Mutex<UInt64>(0)
        try await hypervisor.uploadVolume(volume, from: file) { bytes, _ in sent.withLock { $0 = max($0, bytes) } }
        let uploaded = sent.withLock { $0 }
        transferred(uploaded)
        return LocalizedText(LocalizedMessage("engine.detail.seedUploaded", ["bytes": String(uploaded), "volume": "\(seed.pool)/\(seed.volume)"]))
    }

    /// Polls every address source until each NIC has an address. The newest lease comes first:
    /// libvirt keeps the leases of earlier guests with the same MAC.
    func waitForIP(_ wait: GuestWait) async throws -> LocalizedText? {
        let services = try services()
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(wait.timeoutSeconds)
        var last = GuestAddressReport(addresses: [], sourceNotes: [:])
        while true {
            last = try await hypervisor.guestAddresses(domain: wait.guest)
            let found = Set(last.addresses.map(\.mac))
            let ordered = GuestAddress.preferred(last.addresses)
            if !ordered.isEmpty && wait.macs.allSatisfy(found.contains) {
                await services.addresses.record(candidates: ordered.map(\.address), for: wait.guest)
                return Self.addressesDetail(ordered)
            }
            if clock.now >= deadline { break }
            progress(Localizer.current.text("engine.progress.noAddressYet", ["macs": wait.macs.filter { !found.contains($0) }.joined(separator: ", ")]))
            try await Task.sleep(for: .seconds(2))
        }
        throw ReconcileError(.timeout, LocalizedMessage("engine.noIPAddress", [
            "name": wait.guest, "seconds": String(wait.timeoutSeconds), "sources": last.sourcesTried,
        ]))
    }

    /// Tries every address the guest might have, asking libvirt afresh each round: a recreated guest
    /// often gets a new address while the old lease is still listed. Only the pinned host key counts.
    /// Then waits for cloud-init to finish, so the guest is really ready.
    func waitForSSH(_ wait: GuestWait) async throws -> LocalizedText? {
        let services = try services()
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(wait.timeoutSeconds)
        var seen: [String: SSHProbe] = [:]
        while true {
            var candidates = await services.addresses.candidates(for: wait.guest)
            if let report = try? await hypervisor.guestAddresses(domain: wait.guest) {
                candidates = GuestAddress.preferred(report.addresses).map(\.address) + candidates.filter { address in
                    !report.addresses.contains { $0.address == address }
                }
            }
            for address in candidates {
                let probe = await services.guests.probeSSH(guest: wait.guest, user: wait.loginUser, address: address)
                seen[address] = probe
                guard probe.outcome == .connected else { continue }
                await services.addresses.confirm(address, for: wait.guest)
                let remaining = max(deadline - clock.now, .seconds(60))
                let cloudInit = try await services.guests.waitForCloudInit(guest: wait.guest, user: wait.loginUser,
                                                                           address: address, timeout: remaining)
                return Self.sshReadyDetail(login: "\(wait.loginUser)@\(address)", cloudInit: cloudInit)
            }
            if clock.now >= deadline { break }
            if !seen.isEmpty {
                progress(Self.probesText(seen, .current, details: false))
            }
            try await Task.sleep(for: .seconds(3))
        }
        throw Self.noSSHLogin(wait, seen: seen)
    }

    /// The timeout, with what each address answered: worded for the terminal, English in reports.
    static func noSSHLogin(_ wait: GuestWait, seen: [String: SSHProbe]) -> ReconcileError {
        let summary = seen.isEmpty ? LocalizedMessage("engine.noAddressReported").textInEveryLocale
            : Localizer.inEveryLocale { probesText(seen, $0, details: true) }
        return ReconcileError(.timeout, LocalizedMessage("engine.noSSHLogin", [
            "name": wait.guest, "user": wait.loginUser, "seconds": String(wait.timeoutSeconds),
        ], worded: ["detail": summary]))
    }

    /// What each address answered, the outcome in `localizer`'s language (`192.0.2.7: wrong host key`),
    /// with ssh's own words after it when `details`.
    static func probesText(_ seen: [String: SSHProbe], _ localizer: Localizer, details: Bool) -> String {
        seen.sorted { $0.key < $1.key }.map { address, probe in
            let outcome = localizer.text("engine.sshProbe.\(probe.outcome.rawValue)")
            return details ? "\(address): \(outcome) (\(probe.detail))" : "\(address): \(outcome)"
        }.joined(separator: details ? "; " : ", ")
    }

    func installAgent(_ wait: GuestWait, _ request: AgentInstallRequest) async throws -> LocalizedText? {
        let services = try services()
        var address = await services.addresses.confirmed(for: wait.guest)
        if address == nil {
            _ = try await waitForSSH(wait)
            address = await services.addresses.confirmed(for: wait.guest)
        }
        guard let address else { throw ReconcileError(.stepFailed, LocalizedMessage("engine.sshUnreachable", ["name": wait.guest])) }
        let summary = try await services.guests.installAgent(request, guest: wait.guest, user: wait.loginUser, address: address)
        var ownership = request.ownership
        ownership.agent = request.hash
        try await hypervisor.recordOwnership(ownership, onDomain: wait.guest)
        return LocalizedText(summary)
    }

    /// The login that worked and what cloud-init said, both in the reader's language.
    static func sshReadyDetail(login: String, cloudInit: LocalizedMessage) -> LocalizedText {
        LocalizedText(LocalizedMessage("engine.detail.sshReady", ["login": login]), nested: ["cloudInit": cloudInit])
    }

    /// The addresses a guest got, each with where libvirt read it (its DHCP lease, the guest agent, the
    /// ARP table), the preferred one first.
    static func addressesDetail(_ addresses: [GuestAddress]) -> LocalizedText {
        LocalizedText.joined(addresses.map { found in
            LocalizedText(LocalizedMessage("engine.detail.address", ["address": found.address]), nested: ["source": sourceName(found.source)])
        }, separator: .verbatim(", "))
    }

    static func sourceName(_ source: GuestAddress.Source) -> LocalizedMessage {
        switch source {
        case .lease: LocalizedMessage("engine.addressSource.lease")
        case .agent: LocalizedMessage("engine.addressSource.agent")
        case .arp: LocalizedMessage("engine.addressSource.arp")
        }
    }

    static func mebibytes(_ bytes: UInt64) -> String {
        String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
