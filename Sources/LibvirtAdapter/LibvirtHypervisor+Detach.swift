import Localization
import Reconciler

extension LibvirtHypervisor {
    /// Unplugs from the running guest first and waits for it to let go; only then removes the devices
    /// from the definition. A guest that keeps a device (no OS, or one that ignores the ACPI request)
    /// fails the step with the definition unchanged, so the next plan shows the removal again instead of
    /// a definition that no longer matches the running guest.
    public func detachDevices(_ detach: DeviceDetach) async throws {
        let live: Bool = try await call { connection in
            let domain = try Self.require(try connection.domain(named: detach.name), "virtual machine", detach.name)
            if let expected = detach.uuid, try domain.uuid().lowercased() != expected.lowercased() {
                throw LibvirtAdapterError(LocalizedMessage("adapter.vm.replacedLive", ["vm": detach.name, "expected": expected]))
            }
            guard try domain.isActive() else { return false }
            for element in try Self.detachedElements(detach, in: try domain.xml(inactive: false)) {
                try domain.detachDevice(xml: element, live: true)
            }
            return true
        }
        if live { try await waitForRelease(detach) }
        try await call { connection in
            let domain = try Self.require(try connection.domain(named: detach.name), "virtual machine", detach.name)
            // Already gone from the definition (an earlier run stopped halfway): nothing to remove.
            for element in try Self.detachedElements(detach, in: try domain.xml(inactive: true)) {
                try domain.detachDevice(xml: element, live: false)
            }
        }
    }

    /// Polls the running guest's definition: libvirt drops a device from it once QEMU reports it
    /// removed (DEVICE_DELETED), which needs the guest OS to release it.
    private func waitForRelease(_ detach: DeviceDetach) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(detach.timeoutSeconds)
        while true {
            let remaining: [LocalizedMessage] = try await call { connection in
                guard let domain = try connection.domain(named: detach.name), try domain.isActive() else { return [] }
                return try Self.remainingDevices(detach, in: try domain.xml(inactive: false))
            }
            if remaining.isEmpty { return }
            guard clock.now < deadline else {
                throw LibvirtAdapterError(LocalizedMessage("adapter.vm.deviceNotReleased", ["vm": detach.name, "seconds": String(detach.timeoutSeconds)]),
                                          listing: ["devices": remaining])
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// The device elements of `xml` the detach names, as libvirt wants them back for the detach call.
    static func detachedElements(_ detach: DeviceDetach, in xml: String) throws -> [String] {
        let root = try EditableXMLElement(parsing: xml, what: "domain")
        let macs = Set(detach.interfaces.map { $0.lowercased() })
        return (root.child("devices")?.elements ?? []).filter { element in
            switch element.name {
            case "disk":
                let source = element.child("source").flatMap { $0.attribute("file") ?? $0.attribute("dev") }
                return detach.disks.contains { $0.target == element.child("target")?.attribute("dev") && $0.source == source }
            case "interface":
                return element.child("mac")?.attribute("address").map { macs.contains($0.lowercased()) } ?? false
            default:
                return false
            }
        }.map { $0.serialized() }
    }

    /// The named devices the definition still holds, as a person reads them ("disk vdb", "NIC 52:54:…").
    static func remainingDevices(_ detach: DeviceDetach, in xml: String) throws -> [LocalizedMessage] {
        let observed = try DomainXML.parse(xml, state: .running, autostart: false, persistent: true)
        let disks = detach.disks.filter { disk in observed.disks.contains { $0.target == disk.target && $0.source == disk.source } }
        let macs = detach.interfaces.filter { mac in observed.interfaces.contains { $0.mac == mac.lowercased() } }
        return disks.map { LocalizedMessage("adapter.device.disk", ["target": $0.target]) }
            + macs.map { LocalizedMessage("adapter.device.nic", ["mac": $0]) }
    }
}
