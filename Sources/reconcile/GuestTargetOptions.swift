import ArgumentParser
import LibvirtAdapter
import Localization
import Reconciler
import Spec

/// How the imperative verbs find a guest: through the manifests that declare it (its Hypervisor's
/// URI), or `--connect`; and whether they may act on a guest reconcile did not create.
struct GuestTargetOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("manifests")], help: ArgumentHelp(
        "Manifest file or directory declaring the VM, to find its hypervisor (repeatable).", valueName: "path"))
    var manifests: [String] = []

    @Option(help: ArgumentHelp("libvirt URI of the VM's hypervisor (wins over the manifests').", valueName: "uri"))
    var connect: String?

    @Flag(help: "Act on a virtual machine reconcile did not create (it refuses by default, as apply does).")
    var force = false

    func validate() throws {
        if manifests.isEmpty && connect == nil {
            throw ValidationError(Localizer.current.text("cli.guest.needTarget"))
        }
    }

    /// The URI of the hypervisor that runs `vm`.
    func uri(of vm: String, in loaded: ManifestSet?) throws -> String {
        if let connect, loaded == nil { return connect }
        guard let loaded else { throw ValidationError(Localizer.current.text("cli.guest.noTarget")) }
        guard let spec = loaded.virtualMachines.first(where: { $0.name == vm }) else {
            if let connect { return connect }
            Terminal.error("error: " + Localizer.current.text("cli.guest.notDeclared", ["vm": vm, "paths": manifests.joined(separator: ", ")]))
            throw ExitCode.failure
        }
        guard let hypervisor = loaded.hypervisor(named: spec.hypervisor) else {
            Terminal.error("error: " + Localizer.current.text("cli.guest.unknownHypervisor", ["vm": vm, "hypervisor": spec.hypervisor]))
            throw ExitCode.failure
        }
        return hypervisor.uri
    }

    /// Connects to each VM's hypervisor once, in the order given.
    func control(for vms: [String]) async throws -> [(vm: String, control: GuestControl, hypervisor: LibvirtHypervisor)] {
        let loaded = manifests.isEmpty ? nil : try ManifestLoading.load(manifests, connect: connect)
        var opened: [String: LibvirtHypervisor] = [:]
        var result: [(vm: String, control: GuestControl, hypervisor: LibvirtHypervisor)] = []
        for vm in vms {
            let uri = try uri(of: vm, in: loaded)
            if let problem = LibvirtURI.problem(uri) {
                Terminal.error("error: \(uri): \(problem)")
                throw ExitCode.failure
            }
            let hypervisor: LibvirtHypervisor
            if let existing = opened[uri] {
                hypervisor = existing
            } else {
                do {
                    hypervisor = try await LibvirtHypervisor.connect(uri: uri)
                } catch {
                    Terminal.error("error: " + Localizer.current.text("cli.cannotConnect", ["uri": uri, "reason": "\(error)"]))
                    throw ExitCode.failure
                }
                opened[uri] = hypervisor
            }
            result.append((vm, GuestControl(hypervisor: hypervisor, force: force), hypervisor))
        }
        return result
    }

    /// Runs one verb, printing its error the way every command does.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode.failure
        }
    }
}
