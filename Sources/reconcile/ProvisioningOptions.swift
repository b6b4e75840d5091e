import ArgumentParser
import Foundation
import ProvisioningAdapter
import Reconciler

/// Where reconcile keeps what guests need: downloaded images, its SSH key, guests' host keys.
struct ProvisioningOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Cloud image cache, content-addressed by digest (default: ~/.cache/reconcile).", valueName: "dir"))
    var cacheDir: String?

    @Option(help: ArgumentHelp("reconcile's SSH key, guests' pinned host keys, known_hosts and shared SSH connections (default: ~/.local/state/reconcile).", valueName: "dir"))
    var stateDir: String?

    var stateDirectory: String { Self.stateDirectory(stateDir) }

    var services: ProvisioningServices {
        let environment = ProcessInfo.processInfo.environment
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let cache = cacheDir ?? environment["XDG_CACHE_HOME"].map { "\($0)/reconcile" } ?? "\(home)/.cache/reconcile"
        return .local(stateDirectory: URL(fileURLWithPath: stateDirectory), cacheDirectory: URL(fileURLWithPath: cache))
    }

    /// `explicit` (a --state-dir), else $XDG_STATE_HOME/reconcile, else ~/.local/state/reconcile.
    static func stateDirectory(_ explicit: String?) -> String {
        let environment = ProcessInfo.processInfo.environment
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        return explicit ?? environment["XDG_STATE_HOME"].map { "\($0)/reconcile" } ?? "\(home)/.local/state/reconcile"
    }
}
