import BreakwaterModel
import Foundation

/// The tenant's directory and mailboxes as Graph shows them: users, their MFA registration,
/// and the inbox rules they created during the month.
struct SimulatedDirectory: Sendable {
    struct User: Sendable {
        let id: String
        let userPrincipalName: String
        let displayName: String
        let givenName: String
        let surname: String
        let jobTitle: String
        let department: String
        let created: Int64
        let isAdmin: Bool
        /// MFA methods registered; none for the backup service account.
        let methodsRegistered: [String]
    }

    let users: [User]
    /// Inbox rules in creation order.
    let inboxRules: [InboxRule]

    init(company: Company, inboxRuleRecords: [(time: Int64, json: [UInt8])]) {
        var users: [User] = []
        for person in company.people + [company.backupAccount] {
            let isService = person.userPrincipalName == company.backupAccount.userPrincipalName
            users.append(
                User(
                    id: person.objectID, userPrincipalName: person.userPrincipalName, displayName: person.displayName,
                    givenName: person.firstName, surname: person.lastName, jobTitle: person.jobTitle, department: person.department.teamName,
                    created: 1_640_995_200_000 + Int64(person.index) * 86_400_000 * 7, isAdmin: person.index == company.itAdministrator && !isService,
                    methodsRegistered: isService ? [] : ["microsoftAuthenticatorPush", "mobilePhone"]))
        }
        self.users = users
        let byUPN = Dictionary(users.map { ($0.userPrincipalName, $0) }, uniquingKeysWith: { first, _ in first })
        var rules: [InboxRule] = []
        for record in inboxRuleRecords {
            guard let value = try? JSONValue(parsing: record.json), let actor = value["UserId"]?.stringValue?.lowercased(), let owner = byUPN[actor]
            else { continue }
            let sequence = rules.filter { $0.owner == owner.id }.count + 1
            if let rule = InboxRule(record: value, owner: owner, created: record.time, sequence: sequence) { rules.append(rule) }
        }
        inboxRules = rules
    }

    /// The user a Graph path names, by object id or UPN (case-insensitively).
    func user(_ idOrUPN: String) -> User? {
        let wanted = idOrUPN.lowercased()
        return users.first { $0.id == wanted || $0.userPrincipalName == wanted }
    }
}
