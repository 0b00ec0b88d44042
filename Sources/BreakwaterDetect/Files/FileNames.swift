/// File names for people, from the object ids (URLs) SharePoint and OneDrive records name
/// files by.
enum FileNames {
    /// The last path component of `objectID` (`Payroll.xlsx` for
    /// `https://contoso.sharepoint.com/sites/HR/Shared Documents/Payroll.xlsx`), or the id
    /// itself when it has no path.
    static func name(of objectID: String) -> String {
        let components = objectID.split(separator: "/", omittingEmptySubsequences: true)
        return components.last.map(String.init) ?? objectID
    }

    /// The names of the first `limit` of `objectIDs`, with how many more there are:
    /// `Budget.xlsx, Plan.docx, Salaries.xlsx and 57 more`.
    static func examples(_ objectIDs: some Collection<String>, limit: Int = 3) -> String {
        let names = objectIDs.prefix(limit).map(name(of:)).joined(separator: ", ")
        let more = objectIDs.count - min(limit, objectIDs.count)
        return more > 0 ? "\(names) and \(more) more" : names
    }
}
