import Foundation

/// Words that mark mail an attacker wants to see first or hide from its owner: money moving
/// (invoices, payroll, bank details) and warnings that the account is compromised.
enum LureKeywords {
    static let finance = [
        "invoice", "payment", "payroll", "salary", "bank", "wire", "transfer", "remittance", "iban", "swift", "ach", "direct deposit",
        "account details", "account change", "w-2", "w2", "purchase order", "overdue", "factura", "rechnung", "facture", "fattura",
    ]
    static let security = [
        "hacked", "phish", "compromised", "suspicious", "spam", "security", "password", "fraud", "scam", "virus", "malware",
        "unusual", "do not open", "verify",
    ]

    /// The keywords of either list that `text` contains (lowercased comparison).
    static func found(in text: String) -> [String] {
        let lowered = text.lowercased()
        return (finance + security).filter { keyword in
            // Short words must stand alone ("ach" is not in "attached").
            keyword.count > 4 ? lowered.contains(keyword) : lowered.containsWord(keyword)
        }
    }
}

extension String {
    /// Whether `word` occurs here delimited by non-letters.
    func containsWord(_ word: String) -> Bool {
        var searchStart = startIndex
        while let range = range(of: word, range: searchStart..<endIndex) {
            let before = range.lowerBound == startIndex ? nil : self[index(before: range.lowerBound)]
            let after = range.upperBound == endIndex ? nil : self[range.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            searchStart = range.upperBound
        }
        return false
    }
}
