extension ExampleTimeline {
    /// An attacker's inbox rule from `place` — a rule named "." moving invoices to RSS Feeds,
    /// which `Exchange.InboxRule.HideMail` raises as high — so that `place`'s address is
    /// suspected for `user` afterwards: how examples of activity "from a suspected address"
    /// begin.
    mutating func hideMailFromAttacker(_ user: String, from place: ExamplePlace) {
        cmdlet(
            "New-InboxRule", by: user, from: place,
            parameters: ["Name": ".", "SubjectOrBodyContainsWords": "invoice;payroll", "MoveToFolder": "RSS Feeds", "MarkAsRead": "True"])
        advance(minutes: 4)
    }
}
