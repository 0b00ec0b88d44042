import BreakwaterStore

extension StoreError {
    /// Stored data that cannot be read back.
    static func corrupt(_ detail: String) -> StoreError {
        StoreError(code: .corrupt, message: "The archive is damaged: \(detail).")
    }
}
