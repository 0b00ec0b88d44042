import BreakwaterModel

/// The recipients an Exchange cmdlet parameter names, however it was written.
///
/// `ForwardingSmtpAddress`, `BlindCopyTo`, `GrantSendOnBehalfTo` and their kin hold one or
/// several recipients: SMTP addresses (`smtp:someone@evil.example`, `"Name" <a@b.example>`,
/// `Name [SMTP:a@b.example]`) or the names of recipients in the directory (`Adele Vance`,
/// `adelev`). Lists come `;`- or `,`-separated, sometimes as a PowerShell hash table
/// (`@{Add="a@b.example"; Remove="c"}`), whose removals are not recipients of anything.
enum RecipientList {
    /// The recipients in `value`: e-mail addresses lowercased without their `smtp:` prefix,
    /// directory names as written. Empty for an absent or cleared value (`$null`, `""`).
    static func parse(_ value: String?) -> [String] {
        guard let value, !PropertyValue.isEmpty(value) else { return [] }
        var text = value.trimmingASCIIWhitespace
        if text.hasPrefix("@{") { text = String(text.dropFirst(2)) }
        var recipients: [String] = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "{" || $0 == "}" || $0 == "\n" }) {
            var item = PropertyValue.unwrapped(String(part))
            let lowered = item.identityLowercased
            if lowered.hasPrefix("remove=") || lowered.hasPrefix("remove =") { continue }
            if lowered.hasPrefix("add=") || lowered.hasPrefix("add =") {
                item = PropertyValue.unwrapped(String(item.drop(while: { $0 != "=" }).dropFirst()))
            }
            let addresses = InboxRuleDefinition.addresses(in: item)
            let found = addresses.isEmpty ? (PropertyValue.isEmpty(item) ? [] : [item]) : addresses
            for recipient in found where !recipients.contains(recipient) { recipients.append(recipient) }
        }
        return recipients
    }

    /// Whether `recipient` is an e-mail address rather than a directory name.
    static func isAddress(_ recipient: String) -> Bool {
        recipient.contains("@")
    }
}
