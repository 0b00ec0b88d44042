import BreakwaterModel

/// What a rename or move (`FileRenamed`, `FileMoved`) did to a file's extension: ransomware
/// gives every file it encrypts a new one (`Budget.xlsx` → `Budget.xlsx.locked`), while
/// people renaming photos or moving documents keep theirs.
///
/// Read from the documented file-operation fields (contract §3.8): the names
/// `SourceFileName` and `DestinationFileName` when present, else `SourceFileExtension` and
/// `DestinationFileExtension`; the source falls back to the last part of `ObjectId`.
struct Rename {
    /// The extension before, lowercased without the dot (`""` for none); `nil` when unknown.
    var sourceExtension: String?
    /// The extension after; `nil` when the record does not say where the file went.
    var destinationExtension: String?

    init(_ record: AuditRecord) {
        let tree = record.tree
        sourceExtension =
            tree?.text("SourceFileName").map(Self.fileExtension(of:)) ?? tree?.member("SourceFileExtension")?.scalarText?.lowercased()
            ?? record.objectID.map { Self.fileExtension(of: FileNames.name(of: $0)) }
        let destinationName = tree?.text("DestinationFileName")
        destinationExtension =
            destinationName.map(Self.fileExtension(of:)) ?? tree?.member("DestinationFileExtension")?.scalarText?.lowercased()
    }

    /// Whether the file got another extension (both ends known and different, ignoring case
    /// and a leading dot).
    var changesExtension: Bool {
        guard let sourceExtension, let destinationExtension else { return false }
        return Self.bare(sourceExtension) != Self.bare(destinationExtension)
    }

    /// The extension of a file name, lowercased, without the dot; `""` when it has none (a
    /// leading dot, as in `.profile`, starts no extension).
    static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    private static func bare(_ fileExtension: String) -> String {
        fileExtension.hasPrefix(".") ? String(fileExtension.dropFirst()) : fileExtension
    }
}
