@testable import BreakwaterGraph
import Foundation
import Testing

@Suite("Content window planner")
struct ContentWindowPlannerTests {
    private static let hour: TimeInterval = 3600
    private static let day: TimeInterval = 86_400
    /// 2025-06-20T12:34:56.789Z
    private static let now = Date(timeIntervalSince1970: 1_750_422_896.789)
    private let planner = ContentWindowPlanner()

    /// Windows are whole seconds, at most a day, laid end to end up to now.
    private func expectWellFormed(_ plan: ContentWindowPlan, sourceLocation: SourceLocation = #_sourceLocation) {
        for window in plan.windows {
            #expect(window.start < window.end, sourceLocation: sourceLocation)
            #expect(window.duration <= Self.day, sourceLocation: sourceLocation)
            #expect(window.start.timeIntervalSince1970 == window.start.timeIntervalSince1970.rounded(.down), sourceLocation: sourceLocation)
            #expect(window.start >= Self.now.addingTimeInterval(-7 * Self.day + planner.safetyMargin), sourceLocation: sourceLocation)
        }
        for (earlier, later) in zip(plan.windows, plan.windows.dropFirst()) {
            #expect(earlier.end == later.start, sourceLocation: sourceLocation)
        }
        #expect(plan.windows.last?.end == ContentWindow.wholeSecond(Self.now), sourceLocation: sourceLocation)
    }

    @Test("a new feed reads the last day in one window")
    func newFeed() {
        let plan = planner.plan(after: nil, now: Self.now)

        #expect(plan.windows.count == 1)
        #expect(plan.windows[0].duration == Self.day)
        #expect(plan.unreachable == nil)
        expectWellFormed(plan)
    }

    @Test("three days behind: the first window starts an overlap before the checkpoint, then day-long windows to now")
    func behind() {
        let checkpoint = Self.now.addingTimeInterval(-3 * Self.day)

        let plan = planner.plan(after: checkpoint, now: Self.now)

        #expect(plan.windows.first?.start == ContentWindow.wholeSecond(checkpoint.addingTimeInterval(-Self.hour)))
        #expect(plan.windows.count == 4)
        #expect(plan.unreachable == nil)
        expectWellFormed(plan)
    }

    @Test("a checkpoint older than seven days reports the lost span as a gap and starts at the earliest reachable instant")
    func beyondReach() {
        let checkpoint = Self.now.addingTimeInterval(-10 * Self.day)

        let plan = planner.plan(after: checkpoint, now: Self.now)

        let earliest = Date(timeIntervalSince1970: Self.now.addingTimeInterval(-7 * Self.day + 15 * 60).timeIntervalSince1970.rounded(.up))
        #expect(plan.unreachable == ContentWindow(start: checkpoint, end: earliest))
        #expect(plan.windows.first?.start == earliest)
        #expect(plan.windows.count == 7)
        expectWellFormed(plan)
    }

    @Test("an overlap reaching past the limit is cut without a gap; a checkpoint inside the margin is a small gap")
    func nearTheLimit() {
        let inside = planner.plan(after: Self.now.addingTimeInterval(-7 * Self.day + Self.hour), now: Self.now)
        #expect(inside.unreachable == nil)
        #expect(inside.windows.first?.start == Date(timeIntervalSince1970: Self.now.addingTimeInterval(-7 * Self.day + 15 * 60).timeIntervalSince1970.rounded(.up)))
        expectWellFormed(inside)

        let margin = planner.plan(after: Self.now.addingTimeInterval(-7 * Self.day + 10 * 60), now: Self.now)
        let gap = margin.unreachable?.duration ?? 0
        #expect(gap > 4 * 60 && gap <= 5 * 60 + 1)
        expectWellFormed(margin)
    }

    @Test("a checkpoint at or after now plans only the overlap")
    func upToDate() {
        #expect(planner.plan(after: Self.now, now: Self.now).windows.map(\.duration) == [Self.hour])
        #expect(ContentWindowPlanner(overlap: 0).plan(after: Self.now, now: Self.now).windows.isEmpty)
    }

    @Test("window lengths and overlap are configurable, windows never exceed a day")
    func configurable() {
        let planner = ContentWindowPlanner(maximumWindow: 2 * Self.day, overlap: 2 * Self.hour)
        #expect(planner.maximumWindow == Self.day)

        let hourly = ContentWindowPlanner(maximumWindow: Self.hour, overlap: 0)
        let plan = hourly.plan(after: Self.now.addingTimeInterval(-5 * Self.hour), now: Self.now)
        #expect(plan.windows.count == 5)
        #expect(plan.windows.allSatisfy { $0.duration <= Self.hour })
    }

    @Test("windows are sent as whole seconds in UTC without a zone suffix")
    func parameters() {
        let window = ContentWindow(start: Date(timeIntervalSince1970: 1_750_422_896.789), end: Date(timeIntervalSince1970: 1_750_426_496.2))
        #expect(window.startParameter == "2025-06-20T12:34:56")
        #expect(window.endParameter == "2025-06-20T13:34:56")
    }
}
