import FlyingFox
import FlyingSocks
import Foundation
import Localization
import Reconciler
import ServiceLifecycle
import Unattended

/// `--metrics-addr` and `--serve` in watch mode: `/metrics` in Prometheus' text format, and the status
/// page at `/` with its JSON at `/status.json`. One server per address (both on one when the addresses
/// are the same), run as a service of the apply's group: SIGTERM stops them once the watch loop ends.
struct WatchServer: Service, CustomStringConvertible {
    struct ListenFailure: Error, CustomStringConvertible {
        var description: String
    }

    var metrics: (address: ListenAddress, registry: PassMetrics)?
    var status: (address: ListenAddress, page: ServedStatus)?

    var description: String { "http" }

    func run() async throws {
        let servers = try await makeServers()
        // Stopping a server ends its run with an error (a cancellation): after a stop, that is the normal end.
        let stopping = ShutdownRequest()
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let status { group.addTask { await status.page.rebuildAfterPasses() } }
                for (address, server) in servers {
                    group.addTask {
                        do {
                            try await server.run()
                        } catch {
                            guard !stopping.isRequested, !(error is CancellationError) else { return }
                            throw ListenFailure(description: Localizer.current.text("cli.cannotServe", ["address": "\(address)", "reason": error.localizedDescription]))
                        }
                    }
                }
                // A server ends only when stopped or when it cannot listen: either way all of it ends.
                try await group.next()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            stopping.request()
            Task {
                for (_, server) in servers { await server.stop(timeout: 1) }
            }
        }
    }

    private func makeServers() async throws -> [(ListenAddress, HTTPServer)] {
        var servers: [ListenAddress: HTTPServer] = [:]
        func server(for address: ListenAddress) throws -> HTTPServer {
            if let existing = servers[address] { return existing }
            let made = switch address.host {
            case .ipv4(let ip): HTTPServer(address: try .inet(ip4: ip, port: address.port), logger: .disabled)
            case .ipv6(let ip): HTTPServer(address: try .inet6(ip6: ip, port: address.port), logger: .disabled)
            }
            servers[address] = made
            return made
        }
        if let metrics {
            let registry = metrics.registry
            try await server(for: metrics.address).appendRoute("GET /metrics") { _ in
                Self.response(registry.render(), type: "text/plain; version=0.0.4; charset=utf-8")
            }
        }
        if let status {
            let page = status.page
            let server = try server(for: status.address)
            await server.appendRoute("GET /") { _ in
                page.page.map { Self.response($0.html, type: "text/html; charset=utf-8") } ?? Self.notYet
            }
            await server.appendRoute("GET /status.json") { _ in
                page.page.map { Self.response($0.json, type: "application/json") } ?? Self.notYet
            }
        }
        return servers.sorted { $0.key.description < $1.key.description }.map { ($0.key, $0.value) }
    }

    private static func response(_ body: String, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"], body: Data(body.utf8))
    }

    /// Before the first pass has ended there is nothing to show yet.
    private static var notYet: HTTPResponse {
        HTTPResponse(statusCode: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8", HTTPHeader("Retry-After"): "5"],
                     body: Data((Localizer.current.text("cli.statusNotYet") + "\n").utf8))
    }
}
