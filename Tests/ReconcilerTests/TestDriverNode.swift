import Foundation

/// A private libvirt test-driver host: what test:///default holds (a running domain `test`, an active
/// NAT network `default` on virbr0, a pool `default-pool`), in a file of its own so tests do not share it.
enum TestDriverNode {
    static let xml = """
        <node>
          <domain type='test'>
            <name>test</name>
            <memory unit='KiB'>1048576</memory>
            <vcpu>1</vcpu>
            <os><type arch='x86_64'>hvm</type></os>
            <devices>
              <disk type='file' device='disk'><source file='/guest/diskimage1'/><target dev='vda' bus='virtio'/></disk>
              <interface type='network'><mac address='aa:bb:cc:dd:ee:ff'/><source network='default'/></interface>
            </devices>
          </domain>
          <network>
            <name>default</name>
            <forward mode='nat'/>
            <bridge name='virbr0' stp='on' delay='0'/>
            <ip address='192.168.122.1' netmask='255.255.255.0'>
              <dhcp><range start='192.168.122.2' end='192.168.122.254'/></dhcp>
            </ip>
          </network>
          <pool type='dir'>
            <name>default-pool</name>
            <target><path>/default-pool</path></target>
          </pool>
        </node>
        """

    /// Writes a fresh node file and returns its `test:///PATH` URI.
    static func write(_ text: String = xml) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-node-\(UUID().uuidString).xml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return "test://\(url.path)"
    }
}
