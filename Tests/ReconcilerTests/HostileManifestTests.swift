import Foundation
import Testing
@testable import Spec

/// Manifests are untrusted input: nothing in one may become a program to run, an option to a command,
/// a path outside its place or a terminal escape. Each case is one a security review reproduced.
@Suite("Hostile manifests")
struct HostileManifestTests {
    /// Loads `text` and returns each diagnostic as `LINE:COLUMN: MESSAGE`.
    static func problems(_ text: String) throws -> [String] {
        let fixture = try ManifestFixture(text)
        return fixture.diagnostics().map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    static func expect(_ problems: [String], _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(problems.contains(expected), "expected \(expected) in \(problems)", sourceLocation: sourceLocation)
    }

    static let checksum = "sha256:" + String(repeating: "a", count: 64)

    // MARK: URIs

    @Test("libvirt URIs: only known drivers, transports and harmless parameters")
    func uriRules() {
        for good in ["qemu:///system", "test:///default", "test:///srv/node.xml", "qemu+ssh://ops@kvm1.example:2222/system",
                     "qemu+ssh://kvm1/system?socket=/var/run/libvirt/libvirt-sock&no_tty=1", "qemu+tls://[2001:db8::1]/system",
                     "lxc:///", "qemu+libssh2://ops@10.0.0.2/system?sshauth=agent,privkey"] {
            #expect(LibvirtURI.problem(good) == nil, "\(good): \(LibvirtURI.problem(good)?.english ?? "")")
        }
        let bad: [(String, String)] = [
            ("qemu+ext:///system?command=/tmp/x", "the ext transport runs a program"),
            ("qemu+ssh://kvm1/system?command=/tmp/x", "'command' names a program"),
            ("qemu+ssh://kvm1/system?comm%61nd=/tmp/x", "'command' names a program"),
            ("qemu+ssh://kvm1/system?socket=/run/libvirt/sock;netcat=/tmp/nc", "'netcat' names a program"),
            ("qemu+libssh2://kvm1/system?known_hosts_verify=ignore", "changes how SSH host keys are checked"),
            ("qemu+libssh://kvm1/system?known_hosts=/tmp/k", "changes how SSH host keys are checked"),
            ("qemu+tls://kvm1/system?no_verify=1", "changes how SSH host keys are checked"),
            ("qemu+ssh://kvm1/system?keyfile=/etc/shadow", "points at a key file"),
            ("qemu+ssh://kvm1/system?socket=/tmp/../etc/x", "socket path under /run"),
            ("qemu+ssh://kvm1/system?name=qemu:///x", "unsupported URI parameter 'name'"),
            ("vmwarefusion:///session", "unknown driver 'vmwarefusion'"),
            ("qemu+http://kvm1/system", "unknown transport 'http'"),
            ("qemu+ssh://-oProxyCommand=x/system", "is not a host name or address"),
            ("qemu+ssh://-o@kvm1/system", "the user name in the URI"),
            ("qemu+ssh://ops:pw@kvm1/system", "the user name in the URI"),
            ("qemu:///system\u{1B}]0;x\u{07}", "the URI contains the control character U+001B"),
            ("qemu:///sys tem", "ASCII without spaces"),
            ("qemu:///../../etc", "must not contain '..'"),
            ("qemu:///system#x", "no #fragment"),
            ("localhost", "not a libvirt URI"),
        ]
        for (uri, fragment) in bad {
            let problem = LibvirtURI.problem(uri)?.english ?? "accepted"
            #expect(problem.contains(fragment), "\(uri): \(problem)")
        }
    }

    @Test("a Hypervisor's uri is refused at validate, at its line and column")
    func hypervisorURI() throws {
        let problems = try Self.problems(Manifests.join(
            Manifests.document("Hypervisor", "a", "uri: 'qemu+ext:///system?command=/tmp/x'"),
            Manifests.document("Hypervisor", "b", "uri: qemu+ssh://kvm1/system?no_verify=1")))
        Self.expect(problems, "6:8: spec.uri: the ext transport runs a program named in the URI; use ssh or tls")
        Self.expect(problems, "13:8: spec.uri: the URI parameter 'no_verify' changes how SSH host keys are checked; manage host keys in ~/.ssh/known_hosts")
    }

    // MARK: packages

    @Test("host and guest package names can never be options")
    func packageNames() throws {
        let problems = try Self.problems(Manifests.join(
            Manifests.document("Hypervisor", "h", "packages:\n  - qemu-kvm\n  - -oAPT::Get::AllowUnauthenticated=1\n  - 'libvirt=1.0'\n  - 'a b'\n  - libstdc++6\n  - perl:any")))
        Self.expect(problems, "8:7: spec.packages[1]: '-oAPT::Get::AllowUnauthenticated=1' is not a package name (letters, digits, '+', '.', '_', ':' and '-', starting with a letter or digit; no options or version pins)")
        #expect(problems.contains { $0.hasPrefix("9:7: spec.packages[2]: 'libvirt=1.0' is not a package name") })
        #expect(problems.contains { $0.hasPrefix("10:7: spec.packages[3]: 'a b' is not a package name") })
        #expect(problems.count == 3, "\(problems)")
    }

    // MARK: aliases

    /// Nine levels of nine aliases each: about 387 million nodes once expanded, in 1.2 KB.
    static let billionLaughs: String = {
        var lines = ["cloudInit:", "  userData:", "    l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let aliases = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("    l\(level): &l\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n")
    }()

    @Test("an alias bomb is refused quickly, at the field that sets it off")
    func aliasBomb() throws {
        let text = Manifests.join(Manifests.document("VirtualMachine", "vm", "memory: 1G\n" + Self.billionLaughs))
        #expect(text.utf8.count < 1500)
        let started = ContinuousClock.now
        let problems = try Self.problems(text)
        #expect(ContinuousClock.now - started < .seconds(5))
        Self.expect(problems, "13:16: spec.cloudInit.userData.l4[0]: YAML aliases expand to more than 10000 nodes in this document (*l3 here); write the data out instead of nesting aliases")
        #expect(problems.count == 1, "the document is not read further: \(problems)")
    }

    @Test("an alias bomb used as a mapping key is refused before the parser hashes it")
    func aliasBombAsKey() throws {
        let text = Manifests.join(Manifests.document("VirtualMachine", "vm", "memory: 1G\n" + Self.billionLaughs + "\n    ? *l9\n    : boom"))
        let started = ContinuousClock.now
        let problems = try Self.problems(text)
        #expect(ContinuousClock.now - started < .seconds(5))
        Self.expect(problems, "13:16: spec.cloudInit.userData.l4[0]: YAML aliases expand to more than 10000 nodes in this document (*l3 here); write the data out instead of nesting aliases")
        #expect(problems.count == 1, "\(problems)")
    }

    @Test("aliases within a document work; an anchor from another document is refused")
    func crossDocumentAnchor() throws {
        let distribution = "family: debian\ncloudImage: {url: 'https://example.invalid/d.qcow2', checksum: '\(Self.checksum)'}"
        let problems = try Self.problems(Manifests.join(
            Manifests.document("Distribution", "a", distribution + "\nagentInstall: &cmds [apt-get install -y agent]\ndisplayName: *cmds"),
            Manifests.document("Distribution", "b", distribution + "\nagentInstall: *cmds")))
        Self.expect(problems, "8:17: spec.displayName: expected a string, got a list")
        Self.expect(problems, "18:17: spec.agentInstall: the alias *cmds names an anchor of another document (line 8); anchors belong to the document that defines them, so repeat &cmds in this one")
        #expect(problems.count == 2, "\(problems)")
        let same = try ManifestFixture(Manifests.join(
            Manifests.document("Distribution", "a", distribution + "\nagentInstall: &cmds [apt-get install -y agent]"),
            Manifests.document("Distribution", "b", distribution + "\nagentInstall: &cmds [apt-get install -y agent]\ndefaultUser: debian"))).load()
        #expect(same.distributions.map(\.agentInstall) == [["apt-get install -y agent"], ["apt-get install -y agent"]])
    }

    // MARK: control characters

    @Test("no string anywhere may hold a control character or a bidi override; errors never echo them raw")
    func controlCharacters() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("StoragePool", "p", "path: \"/srv/\\e[2Jimages\""),
            Manifests.document("Network", "n", "mode: isolated\n\"\\x9B31m\": 1"),
            """
            apiVersion: reconcile/v1
            kind: Distribution
            metadata: {name: d, labels: {team: "ops\\u202E"}}
            spec:
              family: debian
              displayName: "Debian\\x7F"
              cloudImage: {url: 'https://example.invalid/d.qcow2', checksum: '\(Self.checksum)'}
            """))
        let diagnostics = fixture.diagnostics()
        let problems = diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        Self.expect(problems, "6:9: spec.path: contains the control character U+001B")
        Self.expect(problems, "14:3: spec.\\u{9b}31m: contains the control character U+009B")
        Self.expect(problems, "18:36: metadata.labels.team: contains the control character U+202E")
        Self.expect(problems, "21:16: spec.displayName: contains the control character U+007F")
        for diagnostic in diagnostics {
            #expect(!diagnostic.description.unicodeScalars.contains { UnsafeCharacters.isUnsafe($0) }, "\(diagnostic)")
        }
    }

    @Test("line breaks and tabs only where a value is a script or file content")
    func lineBreaks() throws {
        let problems = try Self.problems(Manifests.join(
            Manifests.document("Hypervisor", "h", "ssh: \"ops@kvm1\\n-oProxyCommand=x\""),
            Manifests.document("StoragePool", "p", "path: /srv/images"),
            Manifests.document("VirtualMachine", "vm", """
                disks: [{name: root, size: 1G}]
                cloudInit:
                  runcmd: ["set -e\\n\\techo ok"]
                  writeFiles: [{path: /etc/motd, content: "a\\nb\\n"}]
                  userData: "#cloud-config\\nbootcmd: [true]\\n"
                  users:
                    - name: ops
                      sudo: "ALL=(ALL) ALL\\nops ALL=(ALL) NOPASSWD: ALL"
                      passwordHash: "$6$salt$hash\\nroot::0:0:99999:7:::"
                """)))
        Self.expect(problems, "6:8: spec.ssh: must be one line (it contains a line break)")
        Self.expect(problems, "27:15: spec.cloudInit.users[0].sudo: must be one line (it contains a line break)")
        Self.expect(problems, "28:23: spec.cloudInit.users[0].passwordHash: must be one line (it contains a line break)")
        #expect(problems.count == 3, "\(problems)")
    }

    // MARK: images

    @Test("images come over https, or are verified by an inline checksum; plain http only on loopback or by opt-in")
    func imageURLs() throws {
        func image(_ name: String, _ cloudImage: String) -> String {
            Manifests.document("Distribution", name, "family: debian\ncloudImage: {\(cloudImage)}")
        }
        let fixture = try ManifestFixture(Manifests.join(
            image("http-sums", "url: 'http://mirror.example/d.qcow2', checksumURL: 'https://mirror.example/SUMS'"),
            image("http-both", "url: 'https://mirror.example/d.qcow2', checksumURL: 'http://mirror.example/SUMS'"),
            image("local-file", "url: 'file:///srv/d.qcow2', checksumURL: 'https://mirror.example/SUMS'"),
            image("bare-sums", "url: 'https://mirror.example/d.qcow2', checksumURL: SHA256SUMS"),
            image("wide", "url: 'https://mirror.example/d.qcow2', checksum: 'sha256:\(String(repeating: "\u{FF11}", count: 64))'"),
            image("gopher", "url: 'gopher://mirror.example/d.qcow2', checksum: '\(Self.checksum)'"),
            image("http-inline", "url: 'http://mirror.example/d.qcow2', checksum: '\(Self.checksum)'"),
            image("loopback", "url: 'http://127.0.0.1:8000/d.qcow2', checksumURL: 'http://[::1]:8000/SUMS'"),
            image("opt-in", "url: 'http://mirror.example/d.qcow2', checksumURL: 'http://mirror.example/SUMS', allowHTTP: true"),
            image("file-inline", "url: 'file:///srv/d.qcow2', checksum: '\(Self.checksum)'"),
            image("secret", "url: 'https://user:s3cret@mirror.example/d.qcow2', checksum: '\(Self.checksum)'")))
        let problems = fixture.diagnostics().map { "\($0.location.line):\($0.location.column): \($0.message)" }
        Self.expect(problems, "7:21: spec.cloudImage.url: 'http://mirror.example/d.qcow2' is plain http, which anyone on the way can alter: use https, give an inline checksum, or set cloudImage.allowHTTP: true")
        Self.expect(problems, "15:68: spec.cloudImage.checksumURL: the checksum file 'http://mirror.example/SUMS' is plain http, which anyone on the way can alter: use https, give the checksum inline, or set cloudImage.allowHTTP: true")
        Self.expect(problems, "23:21: spec.cloudImage.url: 'file:///srv/d.qcow2' is a local file: give its checksum inline (checksum: sha256:HEX), since no checksum file can vouch for it")
        Self.expect(problems, "31:68: spec.cloudImage.checksumURL: 'SHA256SUMS' is not a URL")
        #expect(problems.contains { $0.hasPrefix("39:65: spec.cloudImage.checksum: ") && $0.contains("is not a checksum") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("47:21: spec.cloudImage.url: 'gopher://mirror.example/d.qcow2' must be an https:// URL") })
        #expect(problems.count == 6, "\(problems)")
    }

    @Test("allowHTTP reaches the spec, and credentials in URLs are redacted for output")
    func allowHTTPAndRedaction() throws {
        let set = try ManifestFixture(Manifests.document(
            "Distribution", "d", "family: debian\ncloudImage: {url: 'http://mirror.example/d.qcow2', checksumURL: 'http://mirror.example/SUMS', allowHTTP: true}")).load()
        #expect(set.distributions.first?.cloudImage?.allowHTTP == true)
        #expect("https://user:s3cret@mirror.example/d.qcow2?x=1".redactingURLCredentials == "https://***@mirror.example/d.qcow2?x=1")
        #expect("get 'https://tok@a.example/x' then http://b.example/y@z".redactingURLCredentials
                == "get 'https://***@a.example/x' then http://b.example/y@z")
        #expect("no url here: a@b".redactingURLCredentials == "no url here: a@b")
    }

    // MARK: fields

    @Test("names, addresses, keys and hashes are checked at validate")
    func fieldRules() throws {
        let problems = try Self.problems(Manifests.join(
            Manifests.document("Hypervisor", "h", "ssh: 'ops@kvm1;id'\nusers: [ops, 'Bad User']"),
            Manifests.document("Network", "br", "mode: bridge\nbridge: 'br0$(id)'"),
            Manifests.document("Network", "tap", "mode: macvtap\ninterface: 'eth0 x'"),
            Manifests.document("StoragePool", "p", "path: /srv/images"),
            Manifests.document("VirtualMachine", "vm", """
                disks: [{name: root, size: 1G}]
                networks: [{network: tap, mac: '53:54:00:00:00:01'}]
                cloudInit:
                  fqdn: 'web..example'
                  network: {address: 10.0.0.5/24, dns: [10.0.0.1, '2001:db8::53', '8.8.8.888']}
                  users:
                    - name: Root
                      sshAuthorizedKeys: ['command="id" ssh-ed25519 AAAAC3Nza', 'ssh-ed25519 AAAAC3Nza ops@laptop']
                      passwordHash: '$6$salt'
                """)))
        #expect(problems.contains { $0.hasPrefix("6:8: spec.ssh: 'ops@kvm1;id' is not an SSH target") }, "\(problems)")
        Self.expect(problems, "7:16: spec.users[1]: 'Bad User' is not a user name (lower-case letters, digits, '_' and '-', starting with a letter or '_', at most 32)")
        Self.expect(problems, "15:11: spec.bridge: 'br0$(id)' is not a valid interface name (1 to 15 letters, digits, '_', '.' and '-', not starting with '-')")
        #expect(problems.contains { $0.hasPrefix("23:14: spec.interface: 'eth0 x' is not a valid interface name") })
        Self.expect(problems, "38:34: spec.networks[0].mac: 53:54:00:00:00:01 is a multicast address (the first octet is odd); a NIC needs a unicast one such as 52:54:00:12:34:56")
        #expect(problems.contains { $0.hasPrefix("40:11: spec.cloudInit.fqdn: 'web..example' is not a host name") })
        Self.expect(problems, "41:69: spec.cloudInit.network.dns[2]: '8.8.8.888' is not an IPv4 or IPv6 address")
        #expect(problems.contains { $0.hasPrefix("43:15: spec.cloudInit.users[0].name: 'Root' is not a user name") })
        #expect(problems.contains { $0.hasPrefix("44:29: spec.cloudInit.users[0].sshAuthorizedKeys[0]: is not an OpenSSH public key") })
        #expect(problems.contains { $0.hasPrefix("45:23: spec.cloudInit.users[0].passwordHash: must be a crypt(3) hash") })
        #expect(problems.count == 10, "\(problems)")
    }

    @Test("labels look like Kubernetes labels")
    func labels() throws {
        let problems = try Self.problems("""
            apiVersion: reconcile/v1
            kind: StoragePool
            metadata:
              name: p
              labels:
                example.com/team: ops
                'bad key': x
                tier: '\(String(repeating: "x", count: 64))'
            spec: {path: /srv}

            """)
        Self.expect(problems, "7:5: metadata.labels.bad key: 'bad key' is not a label key ([prefix/]name of letters, digits, '.', '_' and '-', at most 63 each)")
        Self.expect(problems, "8:11: metadata.labels.tier: a label value is at most 63 printable ASCII characters")
        #expect(problems.count == 2, "\(problems)")
    }

    /// Mappings of more than a few keys are searched by hash, small ones key by key: both ways must
    /// find the same keys, the same duplicates and the same unknown fields.
    @Test("a mapping of many keys: every label read, a key written twice far apart, an unknown field among many")
    func largeMappings() throws {
        let labels = (0..<40).map { "    l\($0): v\($0)" }.joined(separator: "\n")
        let pool = """
            apiVersion: reconcile/v1
            kind: StoragePool
            metadata:
              name: p
              labels:
            \(labels)
                'bad key': x
            spec: {path: /srv}

            """
        // Forty good labels pass; the one bad key, on line 46, is the only problem.
        #expect(try Self.problems(pool) == ["46:5: metadata.labels.bad key: 'bad key' is not a label key "
                                            + "([prefix/]name of letters, digits, '.', '_' and '-', at most 63 each)"])
        let twice = pool.replacingOccurrences(of: "'bad key': x", with: "l3: again")
        Self.expect(try Self.problems(twice), "46:5: metadata.labels.l3: duplicate key 'l3' (first written at line 9, column 5)")
        let vm = try Self.problems("""
            apiVersion: reconcile/v1
            kind: VirtualMachine
            metadata: {name: vm}
            spec:
              hypervisor: h
              cpus: 2
              memory: 1GiB
              state: stopped
              autostart: false
              domainType: qemu
              bootTimeout: 300
              stopTimeout: 60
              firmware: bios
              secureBoot: false
              tpm: false
              maxMemory: 2GiB
              maxCpus: 4
              disks: []
              networks: []
              snapshots: []
              memroy: 2GiB
            """)
        // Sixteen known fields read, the misspelt one named (the hypervisor is not declared in this file).
        #expect(vm == ["5:15: spec.hypervisor: VirtualMachine 'vm' names hypervisor 'h', which is not declared",
                       "21:3: spec.memroy: unknown field 'memroy' (did you mean 'memory'?)"])
    }

    // MARK: collisions

    @Test("one URI, one MAC or one volume claimed twice names both places")
    func collisions() throws {
        let problems = try Self.problems(Manifests.join(
            Manifests.document("Hypervisor", "h1", "uri: qemu+ssh://kvm1/system"),
            Manifests.document("Hypervisor", "h2", "uri: qemu+ssh://kvm1/system"),
            Manifests.document("StoragePool", "p", "hypervisor: h1\npath: /srv"),
            Manifests.document("Network", "n", "hypervisor: h1\nmode: isolated"),
            Manifests.document("VirtualMachine", "a-b", "hypervisor: h1\ndisks: [{name: c, size: 1G}]\nnetworks: [{network: n, mac: '52:54:00:00:00:01'}]"),
            Manifests.document("VirtualMachine", "a", "hypervisor: h1\ndisks: [{name: b-c, size: 1G}]\nnetworks: [{network: n, mac: '52:54:00:00:00:01'}]")))
        #expect(problems.contains { $0.hasPrefix("13:8: spec.uri: Hypervisors 'h1' (") && $0.hasSuffix(":6:8) and 'h2' both connect to qemu+ssh://kvm1/system; declare each host once") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("46:11: spec.disks[0]: disk 'b-c' of VM 'a' and disk 'c' of VM 'a-b' (") && $0.hasSuffix(":37:11) would both be volume 'a-b-c.qcow2' in pool 'p'; rename one") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("47:14: spec.networks[0].mac: 52:54:00:00:00:01 is also the MAC of VM 'a-b' (") && $0.hasSuffix(":38:14)") }, "\(problems)")
        #expect(problems.count == 3, "\(problems)")
    }

    // MARK: secrets

    @Test("a password hash file must hold one crypt line; its content is never shown")
    func passwordHashFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-hash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let shadow = directory.appendingPathComponent("shadow").path
        try "root:$6$aa$rootsecret:19000:0:99999:7:::\nops:$6$bb$opssecret:19000:0:99999:7:::\n".write(toFile: shadow, atomically: true, encoding: .utf8)
        let good = directory.appendingPathComponent("hash").path
        try "$6$salt$c2VjcmV0aGFzaA\n".write(toFile: good, atomically: true, encoding: .utf8)
        let token = directory.appendingPathComponent("token").path
        try "tok-1\nrootpw\n".write(toFile: token, atomically: true, encoding: .utf8)

        #expect(throws: SecretReadError.self) { try SecretSource.file(shadow).passwordHash() }
        #expect(try SecretSource.file(good).passwordHash() == "$6$salt$c2VjcmV0aGFzaA")
        #expect(try SecretSource.environment("HASH").passwordHash(environment: ["HASH": "$y$j9T$salt$hash"]) == "$y$j9T$salt$hash")
        #expect(throws: SecretReadError.self) { try SecretSource.environment("HASH").passwordHash(environment: ["HASH": "hunter2"]) }

        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("StoragePool", "p", "path: /srv"),
            Manifests.document("Network", "n", "mode: isolated"),
            Manifests.document("Distribution", "d", "family: debian\ncloudImage: {url: 'https://example.invalid/d.qcow2', checksum: '\(Self.checksum)'}\nagentInstall: [install]"),
            Manifests.document("VirtualMachine", "vm", """
                disks: [{name: root, from: d}]
                networks: [n]
                cloudInit:
                  users: [{name: ops, passwordHashFile: '\(shadow)'}, {name: dev, passwordHashFile: '\(good)'}, {name: new, passwordHashFile: /nonexistent/hash}]
                agent: {server: {url: sm.example.invalid}, registrationTokenFile: '\(token)'}
                """)))
        let diagnostics = fixture.diagnostics()
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("spec.cloudInit.users[0].passwordHashFile: the password hash file \(shadow) must hold exactly one line, but holds 2"), "\(messages)")
        #expect(messages.contains("spec.agent.registrationTokenFile: the registration token file \(token) must hold exactly one line, but holds 2"), "\(messages)")
        #expect(diagnostics.count == 2, "a file not there yet is left to apply: \(messages)")
        #expect(!messages.joined().contains("secret") && !messages.joined().contains("rootpw"))
    }
}
