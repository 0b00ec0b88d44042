/// The detectors of Exchange Online: mailbox rules, forwarding, permissions, auditing, mail.
enum ExchangeDetectors {
    static let all: [any Detector] = [
        InboxRuleHideMail(),
        MailboxExternalForwarding(),
        TransportRuleRedirect(),
        MailboxPermissionGrant(),
        AuditTampering(),
        MailSuspiciousSend(),
    ]
}
