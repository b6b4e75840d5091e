import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

@Suite("Hosts read while the manifests load")
struct LibvirtPrefetchTests {
    @Test("only a local daemon's socket is read ahead", arguments: [
        ("qemu:///system", true), ("test:///default", true), ("qemu:///session", true),
        ("qemu+ssh://admin@host/system", false), ("qemu+tcp://host/system", false), ("qemu+unix:///system", false),
        ("qemu+ext:///system?command=/bin/true", false), ("qemu:///system?socket=/tmp/x", false),
        ("qemu://host/system", false), ("nope:///x", false), ("qemu:/system", false),
    ])
    func readAhead(uri: String, expected: Bool) {
        #expect(LibvirtPrefetch.canReadAhead(uri) == expected)
    }

    @Test("the connector hands over the connection opened ahead, and its first observation, once")
    func handsOver() async throws {
        let uri = "test:///default"
        let prefetch = LibvirtPrefetch()
        prefetch.start(uri: uri)
        let connector = LibvirtConnector(prefetch: prefetch)
        let hypervisor = try #require(try await connector.connect(uri: uri) as? LibvirtHypervisor)
        // The observation was started with the connection, before anyone asked for it.
        #expect(hypervisor.firstObservation.withLock { $0 != nil })
        let first = try await hypervisor.observe()
        #expect(hypervisor.firstObservation.withLock { $0 == nil })
        let fresh = try await hypervisor.observe()
        #expect(first.domains.map(\.name) == fresh.domains.map(\.name))
        #expect(first.networks.map(\.name) == fresh.networks.map(\.name))
        // Taken: a second connect opens a connection of its own.
        let second = try #require(try await connector.connect(uri: uri) as? LibvirtHypervisor)
        #expect(second !== hypervisor)
        #expect(second.firstObservation.withLock { $0 == nil })
    }

    @Test("the host is read while the loading blocks its thread and keeps every core's worker busy")
    func readsWhileLoading() async throws {
        let uri = "test:///default"
        let prefetch = LibvirtPrefetch()
        let read = DispatchSemaphore(value: 0)
        let readDuringLoad = try await prefetch.whileLoading { () -> Bool in
            prefetch.start(uri: uri)
            Task {
                if let hypervisor = await prefetch.take(uri: uri), (try? await hypervisor.observe()) != nil { read.signal() }
            }
            // As parsing many files does: one blocked worker per core, here until the host has been read.
            // (On the cooperative pool the read would wait for libdispatch to add a thread, about a second
            // when nothing else runs; the bound is generous for a loaded machine running other tests.)
            DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in
                if read.wait(timeout: .now() + 30) == .success { read.signal() }
            }
            return read.wait(timeout: .now()) == .success
        }
        #expect(readDuringLoad)
    }

    @Test("a URI that may not be read ahead is not connected to")
    func leavesOthersAlone() async {
        let prefetch = LibvirtPrefetch()
        prefetch.start(uri: "qemu+ssh://nobody@192.0.2.1/system")
        #expect(await prefetch.take(uri: "qemu+ssh://nobody@192.0.2.1/system") == nil)
    }
}
