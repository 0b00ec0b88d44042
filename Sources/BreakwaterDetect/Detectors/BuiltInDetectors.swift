/// Every detector Breakwater ships, in a stable order.
public enum BuiltInDetectors {
    public static let all: [any Detector] =
        AzureActiveDirectoryDetectors.all + ExchangeDetectors.all + SharePointDetectors.all + MicrosoftTeamsDetectors.all
}
