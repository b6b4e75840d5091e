import Foundation
import Testing
import Yams
@testable import Provisioning

@Suite("cloud-init seed rendering")
struct CloudInitSeedTests {
    static let privateKey = """
    -----BEGIN OPENSSH PRIVATE KEY-----
    b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
    QyNTUxOQAAACDPRIVATEKEYMATERIALFORTESTSONLYxxxxxxxxxxxxxxxxxxxxxxxxxxxx
    -----END OPENSSH PRIVATE KEY-----

    """
    static let publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyPublicPartForTests host@test"

    static func sample() -> CloudInitSeed {
        CloudInitSeed(
            hostname: "web1",
            fqdn: "web1.example.test",
            users: [SeedUser(
                name: "ops",
                sshAuthorizedKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIClientKey reconcile"],
                passwordHash: "$6$saltsalt$SECRETHASHVALUE",
                sudo: "ALL=(ALL) NOPASSWD:ALL"
            )],
            packages: ["qemu-guest-agent", "curl"],
            runcmd: [
                "echo 'key: value' > /etc/example.conf",
                "systemctl enable --now qemu-guest-agent",
                "yes",
            ],
            writeFiles: [SeedFile(path: "/etc/sysmanage-agent.yaml", content: "server:\n  url: sm.example.test\ntoken: TOPSECRETTOKEN\n", permissions: "0600", owner: "root:root")],
            hostKey: SSHHostKey(privateKey: privateKey, publicKey: publicKey)
        )
    }

    func parse(_ yaml: String) throws -> [String: Any] {
        try #require(try Yams.load(yaml: yaml) as? [String: Any])
    }

    @Test("user-data is #cloud-config YAML that parses back to the input")
    func userData() throws {
        let rendered = try Self.sample().render()
        #expect(rendered.userData.hasPrefix("#cloud-config\n"))
        let doc = try parse(rendered.userData)
        #expect(doc["hostname"] as? String == "web1")
        #expect(doc["fqdn"] as? String == "web1.example.test")
        #expect(doc["packages"] as? [String] == ["qemu-guest-agent", "curl"])
        // Round-tripping proves the quoting: ": " in a command and a bare `yes`
        // must come back as the same strings, not a mapping or a boolean.
        #expect(doc["runcmd"] as? [String] == Self.sample().runcmd)
        let users = try #require(doc["users"] as? [[String: Any]])
        #expect(users.first?["name"] as? String == "ops")
        #expect(users.first?["sudo"] as? String == "ALL=(ALL) NOPASSWD:ALL")
        #expect(users.first?["lock_passwd"] as? Bool == false)
        #expect(users.first?["passwd"] as? String == "$6$saltsalt$SECRETHASHVALUE")
        #expect(users.first?["ssh_authorized_keys"] as? [String] == ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIClientKey reconcile"])
        let files = try #require(doc["write_files"] as? [[String: Any]])
        #expect(files.first?["permissions"] as? String == "0600")
        #expect(files.first?["content"] as? String == Self.sample().writeFiles[0].content)
    }

    @Test("a supplied host key is pinned: ssh_keys, ssh_deletekeys, no generated keys")
    func hostKey() throws {
        let doc = try parse(try Self.sample().render().userData)
        #expect(doc["ssh_deletekeys"] as? Bool == true)
        #expect((doc["ssh_genkeytypes"] as? [Any])?.isEmpty == true)
        let keys = try #require(doc["ssh_keys"] as? [String: String])
        #expect(keys["ed25519_private"] == Self.privateKey)
        #expect(keys["ed25519_public"] == Self.publicKey)
    }

    @Test("meta-data carries a content-derived instance-id and the hostname")
    func metaData() throws {
        let rendered = try Self.sample().render()
        let doc = try parse(rendered.metaData)
        #expect(doc["instance-id"] as? String == rendered.instanceID)
        #expect(doc["local-hostname"] as? String == "web1")
        #expect(rendered.instanceID.hasPrefix("iid-"))
    }

    @Test("the same input renders the same bytes; a change changes instance-id and digest")
    func deterministic() throws {
        let a = try Self.sample().render()
        let b = try Self.sample().render()
        #expect(a == b)
        #expect(a.digest == b.digest)
        var changed = Self.sample()
        changed.runcmd.append("touch /done")
        let c = try changed.render()
        #expect(c.instanceID != a.instanceID)
        #expect(c.digest != a.digest)
        var renamed = Self.sample()
        renamed.hostname = "web2"
        #expect(try renamed.render().digest != a.digest)
    }

    @Test("plain DHCP writes no network-config (cloud-init falls back to the first NIC)")
    func dhcpFallback() throws {
        let rendered = try Self.sample().render()
        #expect(rendered.networkConfig == nil)
        #expect(rendered.files.map(\.name) == ["meta-data", "user-data"])
    }

    @Test("DHCP matched by MAC and static addressing render network-config v2")
    func networkConfig() throws {
        var seed = Self.sample()
        seed.network = SeedNetwork(match: .macAddress("52:54:00:AB:CD:EF"))
        let dhcp = try parse(try #require(try seed.render().networkConfig))
        #expect(dhcp["version"] as? Int == 2)
        let dhcpNIC = try #require((dhcp["ethernets"] as? [String: Any])?["primary"] as? [String: Any])
        #expect((dhcpNIC["match"] as? [String: String])?["macaddress"] == "52:54:00:ab:cd:ef")
        #expect(dhcpNIC["dhcp4"] as? Bool == true)

        seed.network = SeedNetwork(
            match: .name("enp1s0"),
            addressing: .staticAddress(StaticAddress(address: "192.168.122.50", prefixLength: 24, gateway: "192.168.122.1", dnsServers: ["192.168.122.1"]))
        )
        let rendered = try seed.render()
        let doc = try parse(try #require(rendered.networkConfig))
        let nic = try #require((doc["ethernets"] as? [String: Any])?["primary"] as? [String: Any])
        #expect((nic["match"] as? [String: String])?["name"] == "enp1s0")
        #expect(nic["dhcp4"] as? Bool == false)
        #expect(nic["addresses"] as? [String] == ["192.168.122.50/24"])
        #expect(nic["routes"] as? [[String: String]] == [["to": "0.0.0.0/0", "via": "192.168.122.1"]])
        #expect((nic["nameservers"] as? [String: [String]])?["addresses"] == ["192.168.122.1"])
        #expect(rendered.files.map(\.name) == ["meta-data", "user-data", "network-config"])
    }

    @Test("a static address without an interface match is rejected")
    func staticNeedsMatch() {
        var seed = Self.sample()
        seed.network = SeedNetwork(addressing: .staticAddress(StaticAddress(address: "10.0.0.5", prefixLength: 24)))
        #expect(throws: ProvisioningError.self) { try seed.render() }
    }

    @Test("extra user-data merges: lists appended, mappings merged, new keys added")
    func merge() throws {
        var seed = Self.sample()
        seed.extraUserData = """
        #cloud-config
        packages: [htop]
        runcmd:
          - echo extra
        timezone: Europe/Berlin
        ssh_keys:
          rsa_public: ssh-rsa AAAAB3Nza extra
        hostname: overridden
        """
        let doc = try parse(try seed.render().userData)
        #expect(doc["packages"] as? [String] == ["qemu-guest-agent", "curl", "htop"])
        #expect((doc["runcmd"] as? [String])?.last == "echo extra")
        #expect(doc["timezone"] as? String == "Europe/Berlin")
        #expect(doc["hostname"] as? String == "overridden")
        let keys = try #require(doc["ssh_keys"] as? [String: String])
        #expect(keys["ed25519_public"] == Self.publicKey)
        #expect(keys["rsa_public"] == "ssh-rsa AAAAB3Nza extra")
    }

    @Test("extra user-data that is not a mapping is an error")
    func mergeRejects() {
        var seed = Self.sample()
        seed.extraUserData = "- just\n- a list\n"
        #expect(throws: ProvisioningError.self) { try seed.render() }
        seed.extraUserData = "key: [unclosed"
        #expect(throws: ProvisioningError.self) { try seed.render() }
    }

    @Test("descriptions never contain the private key, password hash or file contents")
    func redaction() throws {
        let seed = Self.sample()
        let rendered = try seed.render()
        for text in [String(describing: seed), String(reflecting: seed), String(describing: rendered), "\(rendered)", rendered.redactedSummary, String(describing: seed.hostKey), String(describing: seed.writeFiles)] {
            #expect(!text.contains("PRIVATEKEYMATERIAL"))
            #expect(!text.contains("BEGIN OPENSSH PRIVATE KEY"))
            #expect(!text.contains("SECRETHASHVALUE"))
            #expect(!text.contains("TOPSECRETTOKEN"))
        }
        #expect(rendered.redactedSummary.contains("web1"))
        #expect(rendered.redactedSummary.contains("/etc/sysmanage-agent.yaml"))
        // The secret is really in the seed, so the checks above are meaningful.
        #expect(rendered.userData.contains("PRIVATEKEYMATERIAL"))
    }
}
