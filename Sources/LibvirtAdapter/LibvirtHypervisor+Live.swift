import Localization
import Reconciler

extension LibvirtHypervisor {
    public func applyLive(_ change: LiveChange) async throws {
        try await call { connection in
            let domain = try Self.require(try connection.domain(named: change.name), "virtual machine", change.name)
            if let expected = change.uuid, try domain.uuid().lowercased() != expected.lowercased() {
                throw LibvirtAdapterError(LocalizedMessage("adapter.vm.replacedLive", ["vm": change.name, "expected": expected]))
            }
            // A guest stopped since the plan gets the change in its definition only.
            let live = try domain.isActive()
            // The definition may already hold the device (an earlier run stopped halfway): only the missing are attached.
            let observed = try DomainXML.parse(try domain.xml(inactive: !live), state: .running, autostart: false, persistent: true)
            if let vcpus = change.vcpus { try domain.setVcpus(vcpus, live: live) }
            if let kib = change.memoryKiB { try domain.setMemory(kib: kib, live: live) }
            for disk in change.attachDisks where !observed.disks.contains(where: { $0.target == disk.target }) {
                try domain.attachDevice(xml: DomainXML.diskElement(disk).render(), live: live)
            }
            if let media = change.changeMedia {
                try domain.updateDevice(xml: DomainXML.cdromElement(media).render(), live: live)
            }
            for interface in change.attachInterfaces {
                if let mac = interface.mac?.lowercased(), observed.interfaces.contains(where: { $0.mac == mac }) { continue }
                try domain.attachDevice(xml: DomainXML.interfaceElement(interface).render(), live: live)
            }
        }
    }
}
