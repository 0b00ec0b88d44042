import BreakwaterModel
import M365Simulator
import Testing

@Suite("Scenario determinism")
struct ScenarioDeterminismTests {
    @Test("the same configuration gives byte-identical records and truth")
    func sameSeed() {
        // Given two scenarios with the same configuration
        let first = Scenario(ScenarioFixtures.shortConfiguration).dataset()
        let second = Scenario(ScenarioFixtures.shortConfiguration).dataset()

        // Then everything is identical
        #expect(first.auditRecords == second.auditRecords)
        #expect(first.signIns == second.signIns)
        #expect(first.truth == second.truth)
        #expect(first.auditRecords.count > 5_000)
    }

    @Test("another seed gives other records")
    func otherSeed() {
        var configuration = ScenarioFixtures.shortConfiguration
        configuration.seed += 1
        let first = Scenario(ScenarioFixtures.shortConfiguration).dataset()
        let other = Scenario(configuration).dataset()
        #expect(first.auditRecords != other.auditRecords)
        #expect(first.signIns != other.signIns)
        #expect(first.truth.attack?.attackerSessionID != other.truth.attack?.attackerSessionID)
    }

    @Test("the attack only adds records: without it every other record is the same")
    func attackOnlyAdds() throws {
        // Given the same days with and without the attack
        var quiet = ScenarioFixtures.shortConfiguration
        quiet.includeAttack = false
        let withAttack = Scenario(ScenarioFixtures.shortConfiguration).dataset()
        let without = Scenario(quiet).dataset()
        let attack = try #require(withAttack.truth.attack)

        // Then the quiet month is the attack month minus the attack
        #expect(without.truth.attack == nil)
        let attackRecords = Set(withAttack.auditRecords + withAttack.signIns)
        let missing = (without.auditRecords + without.signIns).filter { !attackRecords.contains($0) }.map(ScenarioFixtures.text)
        #expect(missing.isEmpty, "\(missing.prefix(2))")
        let quietText = (without.auditRecords + without.signIns).map(ScenarioFixtures.text)
        for address in attack.attackerAddresses {
            #expect(!quietText.contains { $0.contains(address) })
        }
        #expect(withAttack.auditRecords.count > without.auditRecords.count + 60)
    }

    @Test("scale multiplies the staff and the volume")
    func scale() {
        let one = Scenario(ScenarioConfiguration(days: 1, includeAttack: false))
        let three = Scenario(ScenarioConfiguration(days: 1, includeAttack: false, scale: 3))
        #expect(three.truth.staffCount == 3 * one.truth.staffCount)
        #expect(three.truth.travellers.count == 3 * one.truth.travellers.count)
        var counts = (one: 0, three: 0)
        one.forEachRecord { _ in counts.one += 1 }
        three.forEachRecord { _ in counts.three += 1 }
        #expect(counts.three > 2 * counts.one)
    }
}
