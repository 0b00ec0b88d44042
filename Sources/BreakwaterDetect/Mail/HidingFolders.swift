/// Folders attackers move mail to so that its owner never sees it — replies to a fraudulent
/// request, security warnings, the bank's confirmation — in English and in the languages
/// Outlook is most often localised to.
enum HidingFolders {
    /// The kind of hiding place.
    enum Kind: String {
        /// RSS Feeds and RSS Subscriptions: folders nobody opens any more.
        case rss = "RSS folder"
        case conversationHistory = "Conversation History"
        case archive = "Archive"
        case junk = "Junk Email"
        case deletedItems = "Deleted Items"
    }

    private static let names: [String: Kind] = {
        var table: [String: Kind] = [:]
        let groups: [(Kind, [String])] = [
            (
                .rss,
                [
                    "rss feeds", "rss subscriptions", "rss-feeds", "rss-feeds", "flux rss", "fuentes rss", "feed rss", "rss-feeds",
                    "rss-abonnements", "rss-abonnementen", "abonnements rss", "suscripciones rss", "rss-abonnemente", "kanały rss",
                    "kanaly rss", "rss-syötteet", "rss-flöden", "rss-feeder", "feeds rss", "rss",
                ]
            ),
            (
                .conversationHistory,
                [
                    "conversation history", "unterhaltungsverlauf", "historique des conversations", "historial de conversaciones",
                    "cronologia conversazioni", "gespreksgeschiedenis", "histórico de conversas", "historia konwersacji",
                ]
            ),
            (.archive, ["archive", "archiv", "archives", "archivo", "archivio", "archief", "arquivo", "archiwum", "arkiv"]),
            (
                .junk,
                [
                    "junk email", "junk e-mail", "junk", "junk-e-mail", "courrier indésirable", "correo no deseado", "posta indesiderata",
                    "ongewenste e-mail", "lixo eletrônico", "wiadomości-śmieci", "skräppost",
                ]
            ),
            (
                .deletedItems,
                [
                    "deleted items", "gelöschte elemente", "éléments supprimés", "elementos eliminados", "posta eliminata",
                    "verwijderde items", "itens excluídos", "elementy usunięte", "borttaget",
                ]
            ),
        ]
        for (kind, folderNames) in groups {
            for name in folderNames { table[name] = kind }
        }
        return table
    }()

    /// The kind of hiding place `folder` is, if it is one.
    static func kind(of folder: String) -> Kind? {
        names[folder.lowercased().trimmingCharacters(in: " .")]
    }
}
