import Foundation
import Reconciler
import Synchronization
import Testing
import Unattended

@Suite("JSON events")
struct EventLogTests {
    @Test("each finished step is one JSON line with id, kind, resource, host, start, duration, outcome and error")
    func stepEvents() throws {
        let lines = Mutex<[String]>([])
        let recorder = StepEventRecorder(log: EventLog { line in lines.withLock { $0.append(line) } })
        let step = Step(resource: ResourceAddress(hypervisor: "kvm1", kind: .domain, name: "web"), action: .startDomain("web"),
                        reason: "virtual machine should be running")
        recorder.handle(.started(step))
        recorder.handle(.failed(step, duration: .seconds(1), error: StepFailure(text: "Domäne ist gesperrt", english: "domain is locked")))
        let output = lines.withLock { $0 }
        #expect(output.count == 1 && output[0].hasSuffix("}\n") && output[0].filter { $0 == "\n" }.count == 1)
        let event = try #require(try JSONSerialization.jsonObject(with: Data(output[0].utf8)) as? [String: Any])
        #expect(event["event"] as? String == "step")
        #expect(event["id"] as? String == "start-domain:kvm1/domain/web")
        #expect(event["kind"] as? String == "start-domain")
        #expect(event["resource"] as? String == "kvm1/domain/web")
        #expect(event["host"] as? String == "kvm1")
        #expect(event["outcome"] as? String == "failed")
        #expect(event["error"] as? String == "domain is locked")
        #expect((event["start"] as? String)?.hasSuffix("Z") == true)
        #expect(event["durationSeconds"] is Double)
        #expect(recorder.counts == [PassSummary.StepCount(kind: "start-domain", outcome: "failed"): 1])
    }

    @Test("an upload step's event carries the bytes it sent (0 when its volume was there); other steps have no uploadedBytes")
    func uploadedBytes() throws {
        let lines = Mutex<[String]>([])
        let recorder = StepEventRecorder(log: EventLog { line in lines.withLock { $0.append(line) } })
        let upload = Step(resource: ResourceAddress(hypervisor: "kvm1", kind: .volume, name: "images/base.qcow2"),
                          action: .deleteVolume(pool: "images", name: "base.qcow2"), reason: "stands in for an upload")
        let start = Step(resource: ResourceAddress(hypervisor: "kvm1", kind: .domain, name: "web"), action: .startDomain("web"),
                         reason: "virtual machine should be running")
        for (step, bytes) in [(upload, UInt64(3_221_225_472)), (start, nil)] {
            recorder.handle(.started(step))
            if let bytes { recorder.handle(.transferred(step, bytes: bytes)) }
            recorder.handle(.succeeded(step, duration: .seconds(1), detail: nil))
        }
        let events = try lines.withLock { $0 }.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(events.count == 2)
        #expect(events.first?["uploadedBytes"] as? Int == 3_221_225_472, "\(events)")
        #expect(events.last?["uploadedBytes"] == nil, "\(events)")
    }

    @Test("a pass event says how it ended and when the next pass comes")
    func passEvent() throws {
        let lines = Mutex<[String]>([])
        let log = EventLog { line in lines.withLock { $0.append(line) } }
        log.emit(EventLog.PassEvent(PassSummary(number: 3, start: Date(), duration: .seconds(2), outcome: .failed,
                                                error: "cannot connect", commit: "abc",
                                                hosts: [.init(name: "kvm1", converged: false, drift: 0, conflicts: 0)]),
                                    nextPassIn: .seconds(4), consecutiveFailures: 2))
        let event = try #require(try JSONSerialization.jsonObject(with: Data(lines.withLock { $0[0] }.utf8)) as? [String: Any])
        #expect(event["event"] as? String == "pass" && event["pass"] as? Int == 3)
        #expect(event["outcome"] as? String == "failed" && event["converged"] as? Bool == false)
        #expect(event["nextPassInSeconds"] as? Double == 4 && event["consecutiveFailures"] as? Int == 2)
        #expect(event["commit"] as? String == "abc" && event["error"] as? String == "cannot connect")
        #expect(event["hostsConverged"] as? [String: Bool] == ["kvm1": false])
    }
}
