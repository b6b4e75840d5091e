extension CloudInitSeed: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never shows file contents, password hashes, extra user-data or the private key.
    public var description: String { redactedSummary(instanceID: nil) }
    public var debugDescription: String { description }

    func redactedSummary(instanceID: String?) -> String {
        var lines = ["cloud-init seed for \(hostname)" + (instanceID.map { " (\($0))" } ?? "")]
        if let fqdn { lines.append("  fqdn: \(fqdn)") }
        for user in users {
            var facts = ["\(user.sshAuthorizedKeys.count) ssh key(s)"]
            if user.passwordHash != nil { facts.append("password set (redacted)") }
            if let sudo = user.sudo { facts.append("sudo \(sudo)") }
            lines.append("  user \(user.name): " + facts.joined(separator: ", "))
        }
        if let hostKey { lines.append("  host key: \(hostKey.publicKeyBody) (private key redacted)") }
        if !packages.isEmpty { lines.append("  packages: " + packages.joined(separator: ", ")) }
        for file in writeFiles {
            lines.append("  file \(file.path) (\(file.content.utf8.count) bytes, content redacted)")
        }
        if !runcmd.isEmpty { lines.append("  runcmd: \(runcmd.count) command(s)") }
        switch (network.match, network.addressing) {
        case (nil, .dhcp): lines.append("  network: DHCP on the first NIC")
        case (_, .dhcp): lines.append("  network: DHCP")
        case (_, .staticAddress(let config)): lines.append("  network: static \(config.address)/\(config.prefixLength)")
        }
        if let extraUserData { lines.append("  extra user-data: \(extraUserData.utf8.count) bytes (redacted)") }
        return lines.joined(separator: "\n")
    }
}
