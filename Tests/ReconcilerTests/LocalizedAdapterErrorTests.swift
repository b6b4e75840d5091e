import Foundation
import HostCommands
import Localization
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

/// The adapter's own failures (a guest that keeps an unplugged device, a revert it cannot do) in the
/// reader's language; names, MACs and numbers as they are; English for JSON.
@Suite("Adapter errors in every language")
struct LocalizedAdapterErrorTests {
    static let xml = """
        <domain type='qemu'><name>d</name><devices>
          <disk type='file' device='disk'><source file='/a.qcow2'/><target dev='vda' bus='virtio'/></disk>
          <disk type='file' device='disk'><source file='/b.qcow2'/><target dev='vdb' bus='virtio'/></disk>
          <interface type='network'><mac address='52:54:00:00:00:02'/><source network='default'/></interface>
        </devices></domain>
        """

    /// The error `detachDevices` throws when the bounded wait ends, built from the devices the guest still holds.
    static func unreleased() throws -> LibvirtAdapterError {
        let detach = DeviceDetach(name: "web-1", uuid: nil, disks: [OwnedDevices.Disk(target: "vdb", source: "/b.qcow2")],
                                  interfaces: ["52:54:00:00:00:02"])
        let remaining = try LibvirtHypervisor.remainingDevices(detach, in: xml)
        return LibvirtAdapterError(LocalizedMessage("adapter.vm.deviceNotReleased", ["vm": "web-1", "seconds": "30"]),
                                   listing: ["devices": remaining])
    }

    @Test("a device the guest keeps: the list of devices is worded in the same language as the sentence",
          arguments: CatalogLocale.allCases)
    func deviceNotReleased(locale: CatalogLocale) throws {
        let error = try Self.unreleased()
        let localizer = Localizer(locale: locale)
        let text = error.description(localizer)
        #expect(error.englishDescription == "the running guest 'web-1' still has disk vdb, NIC 52:54:00:00:00:02 30 s after the unplug request: hot-unplug needs the guest OS to release the device; its definition keeps it, so the next apply tries again (or stop the guest and apply)")
        for value in ["'web-1'", "vdb", "52:54:00:00:00:02", "30", "apply"] {
            #expect(text.contains(value), "\(locale): \(text)")
        }
        // Each listed device is in the reader's language too, not only the sentence around it.
        let disk = localizer.text("adapter.device.disk", ["target": "vdb"])
        #expect(text.contains(disk), "\(locale): \(text)")
        if locale != .english {
            #expect(text != error.englishDescription, "\(locale): \(text)")
            #expect(!text.contains("disk vdb"), "\(locale): \(text)")
        }
        // What JSON reports read is the same English whatever the reader's language.
        #expect(ErrorText.english(error) == error.englishDescription)
    }

    @Test("a revert that cannot be done names the file, the snapshot and the disk in every language",
          arguments: CatalogLocale.allCases)
    func revertRefused(locale: CatalogLocale) {
        let error = LibvirtAdapterError(LocalizedMessage("adapter.snapshot.frozenOutsidePools", [
            "path": "/srv/other/root.qcow2", "snapshot": "before-upgrade", "disk": "vda",
        ]))
        let text = error.description(Localizer(locale: locale))
        for value in ["/srv/other/root.qcow2", "'before-upgrade'", "vda", "libvirt"] {
            #expect(text.contains(value), "\(locale): \(text)")
        }
        #expect((text == error.englishDescription) == (locale == .english), "\(locale): \(text)")
        #expect(error.englishDescription.hasPrefix("the file /srv/other/root.qcow2 that snapshot 'before-upgrade' froze for disk vda is in no storage pool"))
    }
}
