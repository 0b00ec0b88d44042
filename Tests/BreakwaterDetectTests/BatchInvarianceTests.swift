import BreakwaterDetect
import BreakwaterModel
import Foundation
import Testing

/// Detection must not depend on how records are batched or in what order they arrive within
/// the lateness horizon, and saved state must continue exactly.
@Suite("Batch invariance")
struct BatchInvarianceTests {
    /// A fortnight of a small tenant with attacks of several kinds inside it.
    static let events: [Event] = {
        var timeline = ExampleTimeline()
        let staff = (1...16).map { "staff\($0)@contoso.com" }
        for (index, user) in staff.enumerated() {
            timeline.habits(user, from: index % 2 == 0 ? .officeGB : .virginGB.host(UInt8(index)), days: 14)
        }
        // A traveller, a VPN user, a failed-password flood, a spray, MFA fatigue, a stolen session.
        timeline.at(day: 9, "07:00")
        timeline.signIn(staff[0], from: .homeGB)
        timeline.at(day: 9, "15:00")
        timeline.signIn(staff[0], from: .hotelDE)
        timeline.at(day: 10, "09:00")
        timeline.signIn(staff[1], from: .vpnUS)
        for _ in 0..<25 {
            timeline.signIn(staff[2], from: .hostingNL, agent: ExampleAgents.pythonRequests, result: .wrongPassword)
            timeline.advance(seconds: 5)
        }
        timeline.signIn(staff[2], from: .hostingNL, agent: ExampleAgents.pythonRequests)
        timeline.at(day: 11, "03:00")
        for user in staff {
            timeline.signIn(user, from: .torDE, result: .wrongPassword)
            timeline.advance(seconds: 40)
        }
        for _ in 0..<12 {
            timeline.signIn(staff[3], from: .hostingUS, result: .mfaDenied)
            timeline.advance(seconds: 30)
        }
        timeline.signIn(staff[3], from: .hostingUS)
        timeline.at(day: 12, "10:02")
        timeline.graphSignIn(staff[4], from: .hostingUS, session: "stolen")
        timeline.advance(minutes: 30)
        timeline.graphSignIn(staff[4], from: .hostingNL, session: "stolen", mfaByTokenClaim: true)
        timeline.mailAccessed(staff[4], from: .hostingNL, items: 30, session: "stolen")
        timeline.cmdlet(
            "New-InboxRule", by: staff[4], from: .hostingNL,
            parameters: ["Name": ".", "SubjectOrBodyContainsWords": "payroll;bank", "MoveToFolder": "RSS Feeds", "MarkAsRead": "True"],
            session: "stolen")
        timeline.send(staff[4], from: .hostingNL, subject: "Updated bank details for payroll", session: "stolen")
        for file in 0..<40 {
            timeline.fileOperation("FileDownloaded", by: staff[4], from: .hostingNL, file: "/sites/Finance/Shared Documents/Report \(file).xlsx")
        }
        return timeline.events
    }()

    static func reference() -> [Alert] {
        var engine = DetectionEngine(configuration: configuration)
        let ordered = events.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        return engine.process(ordered) + engine.flush()
    }

    static let configuration = DetectionConfiguration(defaults: DetectorExample.contoso)

    @Test("the scenario raises alerts of many detectors (so that the property means something)")
    func meaningful() {
        let detectors = Set(Self.reference().map(\.detector))
        #expect(detectors.count >= 8, "\(detectors.sorted())")
    }

    @Test("any batching of any arrival order within 24 h gives the same alerts", arguments: 1...25)
    func shuffledAndSplit(seed: UInt64) {
        var random = SplitMix(seed: seed)
        // Each event arrives up to 24 h late: order by time plus a random delay below the horizon.
        let lateness: Int64 = 86_400_000
        let arrival = Self.events.map { ($0, $0.time.millisecondsSince1970 + Int64(random.next() % UInt64(lateness))) }
            .sorted { $0.1 < $1.1 }.map(\.0)
        var engine = DetectionEngine(configuration: Self.configuration)
        var alerts: [Alert] = []
        var index = 0
        while index < arrival.count {
            let size = Int(random.next() % 200) + 1
            let batch = Array(arrival[index..<min(arrival.count, index + size)])
            alerts += engine.process(batch)
            index += size
        }
        alerts += engine.flush()
        #expect(alerts == Self.reference())
    }

    @Test("state saved and restored between any two batches continues exactly", arguments: 1...10)
    func saveAndRestore(seed: UInt64) throws {
        var random = SplitMix(seed: seed &* 7919)
        let ordered = Self.events.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        var engine = DetectionEngine(configuration: Self.configuration)
        var alerts: [Alert] = []
        var index = 0
        while index < ordered.count {
            let size = Int(random.next() % 300) + 1
            alerts += engine.process(Array(ordered[index..<min(ordered.count, index + size)]))
            index += size
            // Save, restore into a new engine, and check nothing was lost on the way.
            let saved = try JSONEncoder().encode(engine.state)
            let restored = try JSONDecoder().decode(DetectionState.self, from: saved)
            #expect(restored == engine.state)
            engine = DetectionEngine(configuration: Self.configuration, state: restored)
        }
        alerts += engine.flush()
        #expect(alerts == Self.reference())
    }

    @Test("an event later than the horizon is still examined, not dropped")
    func tooLate() {
        var engine = DetectionEngine(configuration: Self.configuration, state: DetectionState(lateness: .seconds(60)))
        let ordered = Self.events.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        let late = ordered.filter { $0.operation == "New-InboxRule" }
        let alerts = engine.process(ordered.filter { $0.operation != "New-InboxRule" }) + engine.process(late) + engine.flush()
        #expect(alerts.contains { $0.category == .inboxRuleSuspicious })
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
