import Localization
import Yams

extension CloudInitSpec {
    static func read(_ reader: FieldReader) -> CloudInitSpec {
        var spec = CloudInitSpec()
        spec.hostname = reader.string("hostname")
        if let hostname = spec.hostname, !Naming.isValidHostLabel(hostname) {
            reader.error("hostname", LocalizedMessage("spec.invalidHostname", ["value": hostname]))
        }
        spec.fqdn = reader.string("fqdn")
        if let fqdn = spec.fqdn, !Naming.isValidHostname(fqdn) {
            reader.error("fqdn", LocalizedMessage("spec.invalidFQDN", ["value": fqdn]))
        }
        spec.users = reader.sequence("users").compactMap { item in
            guard let user = FieldReader.mapping(item.node, context: reader.context, path: item.path) else { return nil }
            return User.read(user)
        }
        let packages = reader.stringItems("packages")
        for item in packages {
            if let problem = Naming.packageNameProblem(item.value) { reader.itemError(item, problem) }
        }
        spec.packages = packages.map(\.value)
        // Shell commands: a script may span lines.
        spec.runcmd = reader.stringList("runcmd", multiline: true)
        spec.writeFiles = reader.sequence("writeFiles").compactMap { item in
            guard let file = FieldReader.mapping(item.node, context: reader.context, path: item.path) else { return nil }
            let path = file.requiredString("path")
            let content = file.string("content", multiline: true) ?? ""
            let permissions = file.string("permissions")
            if let permissions, !(permissions.count == 4 && permissions.allSatisfy({ "01234567".contains($0) })) {
                file.error("permissions", LocalizedMessage("spec.invalidPermissions", ["value": permissions]))
            }
            let owner = file.string("owner")
            if let owner {
                let parts = owner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                if parts.contains(where: { !Naming.isValidUserName($0) }) {
                    file.error("owner", LocalizedMessage("spec.invalidOwner", ["value": owner]))
                }
            }
            file.rejectUnknownKeys()
            if let path, let problem = Naming.absolutePathProblem(path) { file.error("path", problem) }
            return path.map { WriteFile(path: $0, content: content, permissions: permissions, owner: owner) }
        }
        if let network = reader.mappingReader("network") {
            spec.network.address = network.string("address")
            if let address = spec.network.address {
                let parts = address.split(separator: "/")
                if parts.count != 2 || IPv4Address(String(parts[0])) == nil || !(Int(parts[1]).map { (1...32).contains($0) } ?? false) {
                    network.error("address", LocalizedMessage("spec.invalidAddressPrefix", ["value": address]))
                }
            }
            spec.network.gateway = network.string("gateway")
            let dns = network.stringItems("dns")
            for item in dns where IPv4Address(item.value) == nil && !IPv6Address.isValid(item.value) {
                network.itemError(item, LocalizedMessage("spec.invalidIPAddress", ["value": item.value]))
            }
            spec.network.dns = dns.map(\.value)
            for (key, value) in [("gateway", spec.network.gateway)] where value.flatMap(IPv4Address.init) == nil && value != nil {
                network.error(key, LocalizedMessage("spec.invalidIPv4Address", ["value": value ?? ""]))
            }
            if spec.network.address == nil && (spec.network.gateway != nil || !spec.network.dns.isEmpty) {
                network.error("address", LocalizedMessage("spec.gatewayNeedsAddress"))
            }
            network.rejectUnknownKeys()
        }
        if let node = reader.node("userData") {
            switch node {
            case .scalar(let scalar): spec.userData = scalar.string
            case .mapping:
                spec.userData = (try? Yams.serialize(node: node.yamsNode))
            default: reader.error("userData", LocalizedMessage("spec.invalidUserData"))
            }
        }
        reader.rejectUnknownKeys()
        return spec
    }
}

extension CloudInitSpec.User {
    static func read(_ reader: FieldReader) -> CloudInitSpec.User? {
        let name = reader.requiredString("name")
        if let name, let problem = Naming.userNameProblem(name) { reader.error("name", problem) }
        let keys = reader.stringItems("sshAuthorizedKeys")
        for key in keys where !SSHPublicKey.isValid(key.value) {
            reader.itemError(key, LocalizedMessage("spec.invalidSSHPublicKey"))
        }
        var password: SecretSource?
        if let hash = reader.string("passwordHash") {
            if CryptHash.isValid(hash) {
                password = .inline(hash)
            } else {
                // Never echo what looks like a plain password back into an error message.
                reader.error("passwordHash", LocalizedMessage("spec.passwordHashNotCrypt"))
            }
        }
        if let file = reader.string("passwordHashFile") {
            password = .file(file)
            checkLocally(.file(file), reader: reader, key: "passwordHashFile")
        }
        if let variable = reader.string("passwordHashEnv") {
            password = .environment(variable)
            checkLocally(.environment(variable), reader: reader, key: "passwordHashEnv")
        }
        var sudo: String?
        if let node = reader.node("sudo") {
            if case .scalar(let scalar) = node, ["true", "yes"].contains(scalar.string.lowercased()) {
                sudo = "ALL=(ALL) NOPASSWD:ALL"
            } else if case .scalar(let scalar) = node, !["false", "no"].contains(scalar.string.lowercased()) {
                // One sudoers rule: a line break would add a rule of the manifest's choosing.
                if let problem = FieldReader.lineProblem(scalar.string) {
                    reader.error("sudo", problem)
                } else {
                    sudo = scalar.string
                }
            }
        }
        reader.rejectUnknownKeys()
        return name.map { CloudInitSpec.User(name: $0, sshAuthorizedKeys: keys.map(\.value), passwordHash: password, sudo: sudo) }
    }

    /// A hash file or variable that is already there must hold one crypt hash; one that is not yet
    /// there is left to apply, which runs where the secret is provided.
    private static func checkLocally(_ source: SecretSource, reader: FieldReader, key: String) {
        do {
            _ = try source.passwordHash()
        } catch {
            if error.reason == .malformed { reader.error(key, error.text) }
        }
    }
}

extension AgentSpec {
    static func read(_ reader: FieldReader) -> AgentSpec? {
        var host: String?
        var port = AgentSpec.defaultPort
        var https = true
        var verifySSL = true
        if let server = reader.mappingReader("server") {
            let url = server.requiredString("url", hint: LocalizedMessage("spec.hintAgentServerURL"))
            if let url, !url.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"'\"`\\".contains($0) }) || url.hasPrefix("-") {
                server.error("url", LocalizedMessage("spec.agentURLCharacters", ["text": url]))
            } else if let url {
                switch AgentServerURL.parse(url) {
                case .success(let parsed):
                    host = parsed.host
                    // A URL's own scheme and port win; the separate keys are for a bare host name.
                    if let scheme = parsed.https {
                        https = scheme
                        if server.node("https") != nil { server.error("https", LocalizedMessage("spec.agentURLSchemeAndHTTPS")) }
                    }
                    if let urlPort = parsed.port {
                        port = urlPort
                        if server.node("port") != nil { server.error("port", LocalizedMessage("spec.agentURLPortTwice", ["port": String(urlPort)])) }
                    }
                case .failure(let problem):
                    server.error("url", problem.message)
                }
            }
            port = server.positiveInt("port", default: port) ?? port
            if port > 65535 { server.error("port", LocalizedMessage("spec.portTooLarge", ["value": String(port)])) }
            https = server.bool("https", default: https)
            verifySSL = server.bool("verifySSL", default: true)
            server.rejectUnknownKeys()
        } else {
            reader.missing("server", hint: LocalizedMessage.verbatim("server: {url: ..., port: 8443, https: true}"))
        }
        let token = reader.string("registrationTokenFile")
        if let token {
            do {
                let what = LocalizedMessage("spec.secretRegistrationTokenFile", ["path": token])
                _ = try SecretSource.singleLine(SecretSource.readSmallFile(token, what: what), what: what)
            } catch {
                // A file that is not there yet is apply's business; one that is there must be one line.
                if error.reason == .malformed { reader.error("registrationTokenFile", error.text) }
            }
        }
        if reader.node("registrationToken") != nil {
            reader.error("registrationToken", LocalizedMessage("spec.registrationTokenInline"))
        }
        let service = reader.string("service") ?? AgentSpec.defaultService
        if !(1...64).contains(service.utf8.count) || service.hasPrefix("-")
            || !service.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "@._-".contains($0)) }) {
            reader.error("service", LocalizedMessage("spec.invalidServiceName", ["value": service]))
        }
        let configPath = reader.string("configPath")
        if let configPath, let problem = Naming.absolutePathProblem(configPath) { reader.error("configPath", problem) }
        reader.rejectUnknownKeys()
        return host.map { AgentSpec(serverHost: $0, port: port, https: https, verifySSL: verifySSL,
                                    registrationTokenFile: token, service: service, configPath: configPath) }
    }
}
