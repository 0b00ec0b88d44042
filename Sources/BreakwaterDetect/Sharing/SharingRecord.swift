import BreakwaterModel
import Foundation

/// What a SharePoint or OneDrive sharing record (RecordType 14) says: what was shared, with
/// whom, and for links what they allow. Read from the documented fields (contract §3.8),
/// whatever their case.
struct SharingRecord {
    /// `ObjectId`: the shared item's URL, else `SourceFileName`, else `""`.
    var item: String
    /// The shared item's name: `SourceFileName`, else the last part of `ObjectId`.
    var fileName: String
    /// `TargetUserOrGroupName`: the person or group shared with.
    var target: String?
    /// `TargetUserOrGroupType`: `Member`, `Guest`, `Group` or `Partner`.
    var targetType: String?
    /// `EventData`: an XML fragment describing a link (`<Type>Edit</Type>` …).
    var eventData: String?

    init(_ record: AuditRecord) {
        let tree = record.tree
        let objectID = record.objectID.flatMap { $0.isEmpty ? nil : $0 }
        let sourceName = tree?.text("SourceFileName")
        item = objectID ?? sourceName ?? ""
        fileName = sourceName ?? objectID.map(FileNames.name(of:)) ?? ""
        target = tree?.text("TargetUserOrGroupName")
        targetType = tree?.text("TargetUserOrGroupType")
        eventData = tree?.text("EventData")
    }

    /// Whether the target is a guest by its type.
    var targetIsGuest: Bool {
        targetType?.caseInsensitiveEquals("Guest") ?? false
    }

    /// Whether the link lets anyone holding it change the item (`<Type>Edit</Type>`).
    var allowsEditing: Bool {
        guard let eventData else { return false }
        let compact = eventData.lowercased().filter { !$0.isWhitespace }
        return compact.contains("<type>edit</type>")
    }
}
