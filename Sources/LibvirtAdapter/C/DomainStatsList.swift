import CLibvirt

/// Owns the record array `virConnectGetAllDomainStats` returns (and the domain references in it).
final class DomainStatsList: @unchecked Sendable {
    private let records: UnsafeMutablePointer<virDomainStatsRecordPtr?>
    let count: Int

    init(_ records: UnsafeMutablePointer<virDomainStatsRecordPtr?>, count: Int32) {
        self.records = records
        self.count = Int(count)
    }

    deinit {
        virDomainStatsRecordListFree(records)
    }

    /// Each domain's run state by name, from the `state.state` field of the STATE group.
    func states() -> [String: virDomainState] {
        var states: [String: virDomainState] = [:]
        for index in 0..<count {
            guard let record = records[index]?.pointee, let name = virDomainGetName(record.dom).map({ String(cString: $0) }),
                  let params = record.params else { continue }
            for field in 0..<Int(record.nparams) where Self.name(of: params[field]) == "state.state" {
                states[name] = virDomainState(UInt32(bitPattern: params[field].value.i))
            }
        }
        return states
    }

    private static func name(of parameter: virTypedParameter) -> String {
        withUnsafeBytes(of: parameter.field) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
