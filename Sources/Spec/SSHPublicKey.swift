/// One line of an authorized_keys file as cloud-init writes it: a key type, base64 data and a comment.
/// Options such as `command="..."` or `from=` are not accepted, nor is a second line.
enum SSHPublicKey {
    static let types: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
        "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com",
        "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
        "ecdsa-sha2-nistp521-cert-v01@openssh.com",
    ]

    static func isValid(_ line: String) -> Bool {
        guard !line.contains(where: { $0 == "\n" || $0 == "\r" }) else { return false }
        let fields = line.split(separator: " ", maxSplits: 2)
        guard fields.count >= 2, types.contains(String(fields[0])) else { return false }
        return fields[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }
    }
}
