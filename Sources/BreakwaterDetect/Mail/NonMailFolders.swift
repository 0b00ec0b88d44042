/// Mailbox folders that hold no mail — calendar, contacts, tasks, notes — in English and the
/// languages Outlook is most often localised to. Sharing them is everyday collaboration;
/// sharing a mail folder is not.
enum NonMailFolders {
    /// Whether the folder at `path` (`Calendar`, `\Calendar\Team`, `Kalender`) is, or is
    /// inside, a folder that holds no mail.
    static func contains(_ path: String) -> Bool {
        let top = path.split(whereSeparator: { $0 == "\\" || $0 == "/" }).first.map(String.init) ?? ""
        return names.contains(top.lowercased().trimmingCharacters(in: " "))
    }

    private static let names: Set<String> = [
        "calendar", "kalender", "calendrier", "calendario", "agenda", "kalendarz", "calendário",
        "contacts", "kontakte", "contactos", "contatti", "contactpersonen", "kontakty", "contatos",
        "tasks", "aufgaben", "tâches", "tareas", "attività", "taken", "zadania", "tarefas",
        "notes", "notizen", "notas", "note", "notities", "notatki",
        "birthdays", "geburtstage", "personmetadata",
    ]
}
