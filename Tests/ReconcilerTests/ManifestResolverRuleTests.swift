import Testing
import Yams
@testable import Spec

@Suite("The manifests' YAML tag resolver agrees with Yams' default")
struct ManifestResolverRuleTests {
    /// Plain scalars of every kind the default rules tell apart, and near misses of each.
    static let scalars = [
        "apiVersion", "kind", "VirtualMachine", "bench-vm-0001", "a", "y", "Y", "n", "N", "x1", "Z",
        "yes", "Yes", "YES", "yES", "no", "No", "NO", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "yess", "nope", "online", "offset", "nullable", "truest",
        "null", "Null", "NULL", "nULL", "~", "", "yes\n", "null\n", "yes ", " yes", "no\nmore",
        "0", "12", "-3", "+4", "0b101", "0o17", "017", "0x1F", "1_000", "1:20", "3.14", ".5", "1e3", "-.inf", ".NaN", ".inf",
        "2026-12-03", "2026-12-03T09:00:00Z", "<<", "=", "64MiB", "2GiB", "/srv/images", "qemu:///system", "192.168.1.1",
        "é", "Ärger", "ñ", "_x", "-x", ".x", "a b", "a:b", "x=1", "<<a",
    ]

    @Test("every sample resolves to the tag Resolver.default gives it")
    func agrees() {
        for scalar in Self.scalars {
            let node = Node.scalar(Node.Scalar(scalar))
            #expect(Resolver.manifests.resolveTag(of: node) == Resolver.default.resolveTag(of: node), "\(scalar.debugDescription)")
        }
    }

    @Test("the default rules still follow the shortcut, in their order")
    func keepsDefaultRules() {
        #expect(Resolver.manifests.rules.count == Resolver.default.rules.count + 1)
        #expect(Array(Resolver.manifests.rules.dropFirst().map(\.tag)) == Resolver.default.rules.map(\.tag))
        #expect(Resolver.manifests.rules.first?.tag == .str)
    }
}
