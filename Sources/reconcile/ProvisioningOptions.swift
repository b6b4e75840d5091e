import ArgumentParser
import Foundation
import ProvisioningAdapter
import Reconciler

/// Where reconcile keeps what guests need: downloaded images, its SSH key, guests' host keys.
struct ProvisioningOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Cloud image cache, content-addressed by digest (default: ~/.cache/reconcile).", valueName: "dir"))
    var cacheDir: String?

    @Option(help: ArgumentHelp("reconcile's SSH key, guests' pinned host keys and known_hosts (default: ~/.local/state/reconcile).", valueName: "dir"))
    var stateDir: String?

    var services: ProvisioningServices {
        let environment = ProcessInfo.processInfo.environment
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let cache = cacheDir ?? environment["XDG_CACHE_HOME"].map { "\($0)/reconcile" } ?? "\(home)/.cache/reconcile"
        let state = stateDir ?? environment["XDG_STATE_HOME"].map { "\($0)/reconcile" } ?? "\(home)/.local/state/reconcile"
        return .local(stateDirectory: URL(fileURLWithPath: state), cacheDirectory: URL(fileURLWithPath: cache))
    }
}
