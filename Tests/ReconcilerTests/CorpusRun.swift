import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// Loads corpus definitions into one libvirt connection, adopts them with manifests, and proves that
/// each definition after the apply differs from the one before by exactly what the plan listed.
struct CorpusRun {
    let hypervisor: LibvirtHypervisor
    let uri: String
    let domainType: String
    let pool: String
    let poolPath: String

    var engine: Engine { Engine(connector: FixedConnector(hypervisor: hypervisor)) }

    func manifests(_ domains: [CorpusCase], _ networks: [CorpusNetworkCase]) -> String {
        let documents = [Manifests.document("StoragePool", pool, "type: dir\npath: \(poolPath)")]
            + networks.map(\.manifest) + domains.map { $0.manifest(pool: pool) }
        return documents.joined(separator: "\n---\n") + "\n"
    }

    func plan(_ text: String) async throws -> (Plan, ManifestSet, Engine.Connected) {
        let set = try ManifestFixture(text).load().connecting(to: uri)
        let connected = try await engine.connect(set)
        return (try await engine.plan(set, connected: connected, options: PlanOptions()), set, connected)
    }

    func apply(_ text: String) async throws -> Engine.ApplyResult {
        let (plan, set, connected) = try await self.plan(text)
        return try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                      executor: Executor(parallelism: 2, shutdownTimeout: .seconds(5))) { _ in }
    }

    /// Defines the pool (through reconcile), the root volumes, and the corpus definitions.
    func load(_ domains: [CorpusCase], _ networks: [CorpusNetworkCase]) async throws {
        let poolOnly = try await apply(manifests([], []))
        #expect(poolOnly.converged, "remaining: \(poolOnly.remaining.steps.map(\.id))")
        for domain in domains {
            try await hypervisor.createVolume(VolumeDefinition(pool: pool, name: "\(domain.name)-root.qcow2",
                                                               capacity: 1 << 30, format: .qcow2))
        }
        let connection = hypervisor.connection
        for network in networks {
            _ = try connection.defineNetwork(xml: try Corpus.networkXML(network.name))
        }
        for domain in domains {
            _ = try connection.defineDomain(xml: try Corpus.domainXML(domain.name, type: domainType, poolPath: poolPath))
        }
    }

    func domainXML(_ name: String) throws -> String {
        try #require(try hypervisor.connection.domain(named: name)).xml(inactive: true)
    }

    func networkXML(_ name: String) throws -> String {
        try #require(try hypervisor.connection.network(named: name)).xml(inactive: true)
    }

    /// Plans, applies and checks every definition; returns the plan that was applied.
    @discardableResult
    func adoptAndProve(_ domains: [CorpusCase], _ networks: [CorpusNetworkCase]) async throws -> Plan {
        // Before: as libvirt normalised the definitions on their first define.
        var domainsBefore: [String: String] = [:]
        for domain in domains { domainsBefore[domain.name] = try domainXML(domain.name) }
        var networksBefore: [String: String] = [:]
        for network in networks { networksBefore[network.name] = try networkXML(network.name) }

        let text = manifests(domains, networks)
        let (plan, _, _) = try await self.plan(text)
        #expect(plan.conflicts.isEmpty, "\(plan.conflicts)")
        let result = try await apply(text)
        #expect(result.converged, "remaining: \(result.remaining.steps.map(\.id)), failed: \(result.report.failed)")

        for domain in domains {
            let resource = plan.resources.first { $0.address.kind == .domain && $0.address.name == domain.name }
            let fields = resource?.fields ?? []
            let kinds = plan.steps.filter { $0.resource.kind == .domain && $0.resource.name == domain.name }.map(\.kind)
            if domain.matches {
                #expect(kinds == [.recordOwnership], "\(domain.name): \(kinds)")
                #expect(fields.isEmpty, "\(domain.name): \(fields)")
            } else {
                #expect(kinds.contains(.updateDomain) && kinds.last == .recordOwnership, "\(domain.name): \(kinds)")
                #expect(!fields.isEmpty, "\(domain.name)")
            }
            let before = try #require(domainsBefore[domain.name])
            let after = try domainXML(domain.name)
            let macs = Set(try DomainXML.parse(before, state: .shutoff, autostart: false, persistent: true).interfaces.compactMap(\.mac))
            let strippedBefore = try Corpus.domainWithoutPlanned(before, fields: fields, macsBefore: macs, isAfter: false)
            let strippedAfter = try Corpus.domainWithoutPlanned(after, fields: fields, macsBefore: macs, isAfter: true)
            #expect(strippedBefore == strippedAfter, "\(domain.name) changed beyond its plan:\n\(Self.difference(strippedBefore, strippedAfter))")
        }
        for network in networks {
            let resource = plan.resources.first { $0.address.kind == .network && $0.address.name == network.name }
            let fields = resource?.fields ?? []
            #expect(fields.isEmpty == network.matches, "\(network.name): \(fields)")
            let kinds = plan.steps.filter { $0.resource.kind == .network && $0.resource.name == network.name }.map(\.kind)
            #expect(kinds == [.updateNetwork], "\(network.name): \(kinds)")
            let before = try #require(networksBefore[network.name])
            let after = try networkXML(network.name)
            let strippedBefore = try Corpus.networkWithoutPlanned(before, fields: fields, isAfter: false)
            let strippedAfter = try Corpus.networkWithoutPlanned(after, fields: fields, isAfter: true)
            #expect(strippedBefore == strippedAfter, "\(network.name) changed beyond its plan:\n\(Self.difference(strippedBefore, strippedAfter))")
        }
        let again = try await self.plan(text).0
        #expect(again.steps.isEmpty, "a second plan should be empty: \(again.steps.map(\.id))")
        return plan
    }

    /// The lines only one side has, for a readable failure.
    static func difference(_ before: String, _ after: String) -> String {
        let old = before.split(separator: "\n").map(String.init)
        let new = after.split(separator: "\n").map(String.init)
        let removed = old.filter { !new.contains($0) }.map { "- \($0)" }
        let added = new.filter { !old.contains($0) }.map { "+ \($0)" }
        return (removed + added).joined(separator: "\n")
    }
}
