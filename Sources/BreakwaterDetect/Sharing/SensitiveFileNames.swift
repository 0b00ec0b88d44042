import Foundation

/// Words in a file's name that say it holds what an attacker wants, or what must never leak:
/// pay, identity documents, bank details, tax, credentials, personnel files.
enum SensitiveFileNames {
    static let words = [
        "payroll", "payslip", "salary", "salaries", "compensation", "bonus", "passport", "driving licence", "driver's license",
        "national insurance", "social security", "ssn", "bank", "iban", "invoice", "tax", "taxes", "w-2", "w2", "p60", "p45",
        "vat return", "password", "credential", "secret", "confidential", "restricted", "hr", "personnel", "medical",
    ]

    /// The sensitive words `name` contains, in list order (case ignored). Words of up to
    /// four letters must stand alone: "HR records" is sensitive, "Three-year plan" is not.
    static func found(in name: String) -> [String] {
        let lowered = name.lowercased()
        return words.filter { word in
            word.count > 4 ? lowered.contains(word) : lowered.containsWord(word)
        }
    }
}
