import HostProbe

extension HostCommand {
    /// `env K=V program ...`: the same argv works locally and through the remote shell.
    var argvWithEnvironment: [String] {
        guard !environment.isEmpty else { return argv }
        return ["env"] + environment.keys.sorted().map { "\($0)=\(environment[$0] ?? "")" } + argv
    }
}
