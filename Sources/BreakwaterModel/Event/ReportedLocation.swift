/// Where Microsoft itself placed a sign-in (Graph `location`): preferred over a local IP
/// lookup because Microsoft sees more than the address.
public struct ReportedLocation: Sendable, Hashable {
    public var city: String?
    public var state: String?
    /// Two-letter country or region code (`US`).
    public var countryOrRegion: String?
    public var latitude: Double?
    public var longitude: Double?

    public init(city: String? = nil, state: String? = nil, countryOrRegion: String? = nil, latitude: Double? = nil, longitude: Double? = nil) {
        self.city = city
        self.state = state
        self.countryOrRegion = countryOrRegion
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Reads a Graph `location` object; `nil` when it names nothing.
    init?(graph value: JSONValue) {
        func text(_ key: String) -> String? {
            guard let text = value[key]?.scalarText, !text.isEmpty else { return nil }
            return text
        }
        city = text("city")
        state = text("state")
        countryOrRegion = text("countryOrRegion")
        latitude = value["geoCoordinates"]?["latitude"]?.scalarText.flatMap(Double.init)
        longitude = value["geoCoordinates"]?["longitude"]?.scalarText.flatMap(Double.init)
        if city == nil, state == nil, countryOrRegion == nil, latitude == nil, longitude == nil { return nil }
    }
}
