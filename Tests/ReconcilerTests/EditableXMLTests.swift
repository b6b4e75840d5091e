import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

@Suite("Editable XML: faithful round trip and patches")
struct EditableXMLTests {
    static let rich = """
        <domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
          <name>rich</name>
          <uuid>0b6f3c1e-6a53-4c5e-9a4f-2f1f4a0c9d01</uuid>
          <title>Build &amp; test box</title>
          <description>Owner: "ops" &lt;ops@example.org&gt;</description>
          <metadata>
            <other:app xmlns:other='https://other.example/xmlns/app/1'><other:owner>team-a</other:owner></other:app>
            <reconcile:resource xmlns:reconcile='https://example.com/not-reconcile' name='impostor' specHash='x'/>
          </metadata>
          <memory unit='KiB'>1048576</memory>
          <currentMemory unit='KiB'>524288</currentMemory>
          <vcpu placement='static' current='2'>4</vcpu>
          <os firmware='efi'>
            <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
            <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>
            <nvram template='/usr/share/OVMF/OVMF_VARS_4M.ms.fd'>/var/lib/libvirt/qemu/nvram/rich_VARS.fd</nvram>
          </os>
          <!-- a comment libvirt would drop too -->
          <cpu mode='custom' match='exact'><model fallback='forbid'>Skylake-Client</model><topology sockets='1' dies='1' cores='2' threads='2'/></cpu>
          <devices>
            <disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/><source file='/srv/rich-root.qcow2'/><target dev='vda' bus='virtio'/></disk>
            <disk type='file' device='cdrom'><source file='/srv/install.iso'/><target dev='sda' bus='sata'/><readonly/></disk>
            <interface type='bridge'><mac address='52:54:00:11:22:33'/><source bridge='br0'/><model type='e1000'/></interface>
            <hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x03' slot='0x00' function='0x0'/></source></hostdev>
          </devices>
          <qemu:commandline><qemu:arg value='-no-hpet'/></qemu:commandline>
        </domain>
        """

    @Test("a round trip keeps elements, attributes, text, escaping and namespace declarations; comments are dropped")
    func roundTrip() throws {
        let tree = try EditableXMLElement(parsing: Self.rich, what: "domain")
        let text = tree.serialized()
        #expect(text.contains("xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'"))
        #expect(text.contains("xmlns:other='https://other.example/xmlns/app/1'"))
        #expect(text.contains("<title>Build &amp; test box</title>"))
        #expect(!text.contains("a comment"))
        // Read back with namespace processing, as reconcile reads definitions: the prefixes still resolve.
        let parsed = try ParsedXML(text, what: "domain").root
        #expect(parsed.child("qemu:commandline")?.namespaceURI == "http://libvirt.org/schemas/domain/qemu/1.0")
        #expect(parsed.at("metadata", "other:app")?.namespaceURI == "https://other.example/xmlns/app/1")
        #expect(parsed.child("description")?.text == "Owner: \"ops\" <ops@example.org>")
        #expect(try CanonicalXML.of(text) == CanonicalXML.of(Self.rich))
    }

    @Test("reconcile's element is recognised by namespace only; another tool's reconcile:resource is not reconcile's")
    func ownershipByNamespace() throws {
        let observed = try DomainXML.parse(Self.rich, state: .shutoff, autostart: false, persistent: true)
        #expect(observed.ownership == nil)
        let other = Self.rich.replacingOccurrences(of: "https://example.com/not-reconcile", with: OwnershipXML.namespace)
        #expect(try DomainXML.parse(other, state: .shutoff, autostart: false, persistent: true).ownership?.name == "impostor")
    }

    @Test("a patch changes only the fields it lists")
    func domainPatch() throws {
        var patch = DomainPatch(name: "rich", uuid: "0B6F3C1E-6A53-4C5E-9A4F-2F1F4A0C9D01")
        patch.vcpus = 2
        patch.memoryKiB = 2 << 20
        patch.addedDisks = [DomainDefinition.Disk(pool: "p", volume: "rich-data.qcow2", path: "/srv/rich-data.qcow2",
                                                  target: "vdb", bus: .virtio, format: .qcow2)]
        patch.changedInterfaces = [DomainDefinition.Interface(network: "lab", mac: "52:54:00:11:22:33")]
        let after = try DomainXML.apply(patch, to: Self.rich)
        let observed = try DomainXML.parse(after, state: .shutoff, autostart: false, persistent: true)
        #expect(observed.vcpus == 2 && observed.memoryKiB == 2 << 20)
        #expect(observed.disks.map(\.target) == ["vda", "sda", "vdb"])
        #expect(observed.interfaces.map(\.source) == ["lab"] && observed.interfaces.first?.model == "e1000")

        // Everything else: the same elements, attributes and text as before.
        func withoutPatchedFields(_ text: String) throws -> String {
            var tree = try EditableXMLElement(parsing: text, what: "domain")
            tree.removeChildren { ["vcpu", "memory"].contains($0.name) }
            tree.editChild("devices") { devices in
                devices.removeChildren { $0.name == "interface" || $0.child("target")?.attribute("dev") == "vdb" }
            }
            return CanonicalXML.of(tree)
        }
        #expect(try withoutPatchedFields(Self.rich) == withoutPatchedFields(after))
        // The current='2' CPUs still fit in 2; the balloon (512 MiB) stays below the new 2 GiB maximum.
        #expect(after.contains("current='2'"))
        #expect(after.contains("<currentMemory unit='KiB'>524288</currentMemory>"))
        var shrink = DomainPatch(name: "rich", uuid: nil)
        shrink.memoryKiB = 262_144
        #expect(try DomainXML.apply(shrink, to: Self.rich).contains("<currentMemory unit='KiB'>262144</currentMemory>"))
    }

    @Test("a managed disk gets its declared source in place, keeping its other settings; VNC is added and removed")
    func diskSourceAndVNC() throws {
        let xml = """
            <domain type='qemu'><name>d</name><devices>
              <disk type='block' device='disk'><driver name='qemu' type='raw' cache='none' io='native'/><source dev='/dev/sdb'/><target dev='vda' bus='virtio'/><boot order='1'/></disk>
              <graphics type='spice' autoport='yes'/>
            </devices></domain>
            """
        var patch = DomainPatch(name: "d", uuid: nil)
        patch.changedDisks = [DomainDefinition.Disk(pool: "p", volume: "d-root.qcow2", path: "/srv/d-root.qcow2",
                                                    target: "vda", bus: .virtio, format: .qcow2)]
        patch.vnc = true
        let after = try DomainXML.apply(patch, to: xml)
        let disk = try #require(try ParsedXML(after, what: "domain").root.at("devices", "disk"))
        #expect(disk.attribute("type") == "file")
        #expect(disk.child("source")?.attribute("file") == "/srv/d-root.qcow2" && disk.child("source")?.attribute("dev") == nil)
        #expect(disk.child("driver")?.attribute("type") == "qcow2" && disk.child("driver")?.attribute("cache") == "none")
        #expect(disk.child("boot")?.attribute("order") == "1")
        let observed = try DomainXML.parse(after, state: .shutoff, autostart: false, persistent: true)
        #expect(observed.vnc)
        var remove = DomainPatch(name: "d", uuid: nil)
        remove.vnc = false
        let removed = try DomainXML.apply(remove, to: after)
        #expect(!(try DomainXML.parse(removed, state: .shutoff, autostart: false, persistent: true).vnc))
        #expect(removed.contains("type='spice'"), "only the VNC display goes")
    }

    @Test("the memory of a NUMA guest is refused with a reason, not silently ignored by libvirt")
    func numaMemory() throws {
        let xml = "<domain type='qemu'><name>n</name><memory unit='KiB'>2097152</memory><cpu><numa><cell id='0' cpus='0' memory='2097152' unit='KiB'/></numa></cpu></domain>"
        var patch = DomainPatch(name: "n", uuid: nil)
        patch.memoryKiB = 1 << 20
        #expect(throws: LibvirtAdapterError.self) { try DomainXML.apply(patch, to: xml) }
        patch.memoryKiB = nil
        patch.vcpus = 1
        #expect(try DomainXML.apply(patch, to: xml).contains("<vcpu>1</vcpu>"))
    }

    @Test("a patch planned for another domain of the same name is refused")
    func replacedDomain() throws {
        var patch = DomainPatch(name: "rich", uuid: "11111111-2222-3333-4444-555555555555")
        patch.vcpus = 1
        #expect(throws: LibvirtAdapterError.self) { try DomainXML.apply(patch, to: Self.rich) }
    }

    @Test("a network patch edits IPv4 only, keeps IPv6, DHCP hosts, DNS and other metadata, and replaces reconcile's element")
    func networkPatch() throws {
        let network = """
            <network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
              <name>lab</name>
              <uuid>5d0e6c1a-6a3b-45a1-8f6c-1f2d3e4a5b6c</uuid>
              <metadata>
                <rc:resource xmlns:rc='https://reconcile.dev/xmlns/ownership/v1' name='lab' specHash='old'/>
                <app:net xmlns:app='https://other.example/net'>keep</app:net>
              </metadata>
              <forward mode='nat'><nat><port start='1024' end='65535'/></nat></forward>
              <bridge name='virbr9' stp='on' delay='0'/>
              <mtu size='9000'/>
              <dns><host ip='192.168.9.5'><hostname>db</hostname></host></dns>
              <ip address='192.168.9.1' netmask='255.255.255.0'>
                <dhcp><range start='192.168.9.100' end='192.168.9.200'/><host mac='52:54:00:00:00:09' ip='192.168.9.9'/></dhcp>
              </ip>
              <ip family='ipv6' address='fd00:9::1' prefix='64'/>
              <dnsmasq:options><dnsmasq:option value='log-queries'/></dnsmasq:options>
            </network>
            """
        var patch = NetworkPatch(name: "lab", uuid: "5d0e6c1a-6a3b-45a1-8f6c-1f2d3e4a5b6c",
                                 ownership: Ownership(name: "lab", specHash: "new"))
        patch.ipv4 = NetworkPatch.IPv4Edit(IPv4Config(address: "192.168.9.1", prefix: 24,
                                                      dhcp: IPv4Config.DHCPRange(start: "192.168.9.50", end: "192.168.9.60")))
        let after = try NetworkXML.apply(patch, to: network)
        let observed = try NetworkXML.parse(after, active: false, autostart: false, persistent: true)
        #expect(observed.ipv4 == patch.ipv4?.ipv4)
        #expect(observed.ownership?.specHash == "new")
        let root = try ParsedXML(after, what: "network").root
        #expect(root.at("ip", "dhcp")?.child("host")?.attribute("ip") == "192.168.9.9")
        #expect(root.children("ip").count == 2)
        #expect(root.child("metadata")?.elements.map(\.qualifiedName) == ["app:net", "reconcile:resource"])
        #expect(root.child("dnsmasq:options")?.namespaceURI == "http://libvirt.org/schemas/network/dnsmasq/1.0")
        #expect(try CanonicalXML.of(after).contains("<nat>"))
        #expect(try CanonicalXML.of(after).contains("<mtu size=\"9000\">"))
    }
}
