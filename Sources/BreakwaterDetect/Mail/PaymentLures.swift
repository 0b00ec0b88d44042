import Foundation

/// Subjects that ask for money to move: the mail a business email compromise sends once the
/// attacker is inside — "our bank details have changed", an overdue invoice, a payroll
/// update, gift cards for the boss — in English and, where cheap, the languages Outlook is
/// most often used in.
///
/// Unlike ``LureKeywords`` (words an inbox rule hides), these are whole subjects people send;
/// they mean nothing on their own and are judged only with other evidence.
enum PaymentLures {
    /// What a subject asks for.
    enum Kind: String, Sendable {
        /// Pay into a different account from now on: the fraud itself.
        case bankDetailsChange = "bank details change"
        /// Pay, transfer or buy: an invoice, a wire, payroll, gift cards, tax forms.
        case payment = "payment request"
    }

    /// What `subject` asks for and the words that say so; `nil` for an ordinary subject.
    static func match(_ subject: String) -> (kind: Kind, words: [String])? {
        let text = subject.lowercased()
        let accounts = accountTerms.filter { text.containsTerm($0) }
        let changes = changeTerms.filter { text.containsTerm($0) }
        if !accounts.isEmpty, !changes.isEmpty {
            return (.bankDetailsChange, accounts + changes)
        }
        let payments = paymentTerms.filter { text.containsTerm($0) } + accounts
        return payments.isEmpty ? nil : (.payment, payments)
    }

    /// Where money goes: account details of any kind.
    static let accountTerms = [
        "bank details", "banking details", "bank account", "bank info", "banking information", "account details",
        "payment details", "payment information", "remittance details", "direct deposit", "payroll account", "deposit account", "iban",
        "sort code", "routing number",
        // German, French, Spanish, Italian, Dutch, Portuguese.
        "bankverbindung", "bankdaten", "kontodaten", "kontoverbindung", "coordonnées bancaires", "rib", "datos bancarios", "cuenta bancaria",
        "coordinate bancarie", "conto corrente", "bankgegevens", "rekeningnummer", "dados bancários", "conta bancária",
    ]

    /// Words that say the account is new or different.
    static let changeTerms = [
        "change", "update", "new", "amend", "switch", "different", "replace",
        "änderung", "geändert", "neue", "neues", "aktualisierung", "changement", "modification", "nouveau", "nouvelle",
        "cambio", "nueva", "nuevo", "actualización", "modifica", "nuovo", "nuove", "aggiornamento", "wijziging", "gewijzigd", "nieuw",
        "nieuwe", "alteração", "novo", "nova",
    ]

    /// Words that ask for a payment, a transfer or something that turns into money.
    static let paymentTerms = [
        "invoice", "overdue", "outstanding payment", "payment due", "past due", "unpaid", "remittance", "wire transfer", "wire",
        "bank transfer", "payment request", "urgent payment", "pending payment", "payroll", "salary", "gift card",
        "itunes card", "google play card", "w-2", "w2", "tax form", "purchase order", "ach",
        "rechnung", "zahlung", "überweisung", "mahnung", "facture", "paiement", "virement", "impayé", "factura", "pago", "transferencia",
        "fattura", "pagamento", "bonifico", "factuur", "betaling", "overboeking", "fatura", "transferência",
    ]
}

extension String {
    /// Whether `term` starts a word here: a long term may go on (`invoice` in `invoices`,
    /// `change` in `changed`, never in `exchange`), a short one must stand alone (`rib` is
    /// not in `ribbon`, `new` not in `renewal` or `newsletter`).
    fileprivate func containsTerm(_ term: String) -> Bool {
        var searchStart = startIndex
        while let range = range(of: term, range: searchStart..<endIndex) {
            let before = range.lowerBound == startIndex ? nil : self[index(before: range.lowerBound)]
            let after = range.upperBound == endIndex ? nil : self[range.upperBound]
            if !(before?.isLetter ?? false), term.count > 4 || !(after?.isLetter ?? false) { return true }
            searchStart = range.upperBound
        }
        return false
    }
}
