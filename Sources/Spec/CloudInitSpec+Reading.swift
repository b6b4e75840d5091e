import Yams

extension CloudInitSpec {
    static func read(_ reader: FieldReader) -> CloudInitSpec {
        var spec = CloudInitSpec()
        spec.hostname = reader.string("hostname")
        if let hostname = spec.hostname, !Naming.isValidHostLabel(hostname) {
            reader.error("hostname", "'\(hostname)' is not a valid hostname (letters, digits and '-', at most 63)")
        }
        spec.fqdn = reader.string("fqdn")
        spec.users = reader.sequence("users").compactMap { item in
            guard let user = FieldReader.mapping(item.node, context: reader.context, path: item.path) else { return nil }
            return User.read(user)
        }
        spec.packages = reader.stringList("packages")
        spec.runcmd = reader.stringList("runcmd")
        spec.writeFiles = reader.sequence("writeFiles").compactMap { item in
            guard let file = FieldReader.mapping(item.node, context: reader.context, path: item.path) else { return nil }
            let path = file.requiredString("path")
            let content = file.string("content") ?? ""
            let permissions = file.string("permissions")
            if let permissions, !(permissions.count == 4 && permissions.allSatisfy({ "01234567".contains($0) })) {
                file.error("permissions", "'\(permissions)' is not an octal mode such as 0644")
            }
            let owner = file.string("owner")
            file.rejectUnknownKeys()
            if let path, !path.hasPrefix("/") { file.error("path", "must be an absolute path, got '\(path)'") }
            return path.map { WriteFile(path: $0, content: content, permissions: permissions, owner: owner) }
        }
        if let network = reader.mappingReader("network") {
            spec.network.address = network.string("address")
            if let address = spec.network.address {
                let parts = address.split(separator: "/")
                if parts.count != 2 || IPv4Address(String(parts[0])) == nil || !(Int(parts[1]).map { (1...32).contains($0) } ?? false) {
                    network.error("address", "'\(address)' is not an address/prefix such as 192.168.150.10/24")
                }
            }
            spec.network.gateway = network.string("gateway")
            spec.network.dns = network.stringList("dns")
            for (key, value) in [("gateway", spec.network.gateway)] where value.flatMap(IPv4Address.init) == nil && value != nil {
                network.error(key, "'\(value ?? "")' is not an IPv4 address")
            }
            if spec.network.address == nil && (spec.network.gateway != nil || !spec.network.dns.isEmpty) {
                network.error("address", "a gateway or dns needs a static address; leave network out for DHCP")
            }
            network.rejectUnknownKeys()
        }
        if let node = reader.node("userData") {
            switch node {
            case .scalar(let scalar): spec.userData = scalar.string
            case .mapping:
                spec.userData = (try? Yams.serialize(node: node))
            default: reader.error("userData", "expected cloud-config as a mapping or a string")
            }
        }
        reader.rejectUnknownKeys()
        return spec
    }
}

extension CloudInitSpec.User {
    static func read(_ reader: FieldReader) -> CloudInitSpec.User? {
        let name = reader.requiredString("name")
        let keys = reader.stringList("sshAuthorizedKeys")
        for (index, key) in keys.enumerated() where !key.hasPrefix("ssh-") && !key.hasPrefix("ecdsa-") && !key.hasPrefix("sk-") {
            reader.error("sshAuthorizedKeys", "entry \(index) is not an OpenSSH public key (ssh-ed25519 AAAA..., ssh-rsa AAAA...)")
        }
        var password: SecretSource?
        if let hash = reader.string("passwordHash") {
            if hash.hasPrefix("$") && hash.split(separator: "$").count >= 3 {
                password = .inline(hash)
            } else {
                // Never echo what looks like a plain password back into an error message.
                reader.error("passwordHash", "must be a crypt(3) hash such as $6$... (make one with `mkpasswd -m sha-512`), never a password")
            }
        }
        if let file = reader.string("passwordHashFile") { password = .file(file) }
        if let variable = reader.string("passwordHashEnv") { password = .environment(variable) }
        var sudo: String?
        if let node = reader.node("sudo") {
            if case .scalar(let scalar) = node, ["true", "yes"].contains(scalar.string.lowercased()) {
                sudo = "ALL=(ALL) NOPASSWD:ALL"
            } else if case .scalar(let scalar) = node, !["false", "no"].contains(scalar.string.lowercased()) {
                sudo = scalar.string
            }
        }
        reader.rejectUnknownKeys()
        return name.map { CloudInitSpec.User(name: $0, sshAuthorizedKeys: keys, passwordHash: password, sudo: sudo) }
    }
}

extension AgentSpec {
    static func read(_ reader: FieldReader) -> AgentSpec? {
        var url: String?
        var port = 8443
        var https = true
        if let server = reader.mappingReader("server") {
            url = server.requiredString("url", hint: "the sysmanage server's host name or URL")
            port = server.positiveInt("port", default: 8443) ?? 8443
            if port > 65535 { server.error("port", "must be at most 65535, got \(port)") }
            https = server.bool("https", default: true)
            server.rejectUnknownKeys()
        } else {
            reader.missing("server", hint: "server: {url: ..., port: 8443, https: true}")
        }
        let token = reader.string("registrationTokenFile")
        if reader.node("registrationToken") != nil {
            reader.error("registrationToken", "write the token to a file and name it with registrationTokenFile: tokens do not belong in manifests")
        }
        let service = reader.string("service") ?? AgentSpec.defaultService
        let configPath = reader.string("configPath") ?? AgentSpec.defaultConfigPath
        if !configPath.hasPrefix("/") { reader.error("configPath", "must be an absolute path") }
        reader.rejectUnknownKeys()
        return url.map { AgentSpec(serverURL: $0, port: port, https: https, registrationTokenFile: token,
                                   service: service, configPath: configPath) }
    }
}
