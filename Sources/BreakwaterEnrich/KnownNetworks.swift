/// Autonomous systems with a known role: Microsoft's own, and hosting and VPS providers.
///
/// Hosting providers are recognised by number (the large clouds and VPS hosts attackers
/// rent by the hour) and by words in the AS name; neither list is complete, so the flag is a
/// signal for detectors, never a verdict on its own.
enum KnownNetworks {
    /// Microsoft's autonomous systems: addresses there are Microsoft services acting for a
    /// user (Exchange, OWA proxies), not the user's location.
    static let microsoft: Set<UInt32> = [3598, 6584, 8068, 8069, 8070, 8071, 8072, 8073, 8074, 8075, 12076, 23468, 35106, 45139, 58862, 59067]

    /// Security service edges and privacy relays: Zscaler, Netskope, Cloudflare (WARP), Cisco
    /// Umbrella, Akamai's iCloud Private Relay network.
    static let corporateProxies: Set<UInt32> = [22616, 53813, 62044, 55256, 13335, 36692, 36183]

    /// Hosting, cloud and VPS providers by number.
    static let hosting: Set<UInt32> = [
        14061,  // DigitalOcean
        16276,  // OVH
        24940,  // Hetzner
        63949,  // Linode / Akamai
        20473,  // Vultr (Choopa)
        9009,  // M247
        60781, 28753,  // LeaseWeb
        51167,  // Contabo
        16509, 14618,  // Amazon
        396982, 15169,  // Google Cloud
        31898,  // Oracle Cloud
        45102,  // Alibaba
        132203,  // Tencent
        36352,  // ColoCrossing
        53667,  // FranTech / PONYNET
        62240,  // Clouvider
        212238,  // Datacamp
        208091, 48090,  // XHOST / PPTECHNOLOGY
        202425,  // IP Volume
        44477,  // Stark Industries
        399629,  // BL Networks
        46562,  // Performive
        8100,  // QuadraNet
        40065,  // Cnservers
        35916,  // Multacom
        197540,  // netcup
        12876,  // Scaleway
        44066,  // firstcolo
        210644,  // AEZA
        215540,  // Global Connectivity Solutions
    ]

    /// Words in an AS name that mark a hosting provider.
    static let hostingWords = [
        "hosting", "host ", "vps", "server", "cloud", "datacenter", "data center", "colo", "dedicated", "virtual",
    ]

    static func isHosting(asn: UInt32, name: String?) -> Bool {
        if hosting.contains(asn) { return true }
        guard let name = name?.lowercased() else { return false }
        return hostingWords.contains { name.contains($0) }
    }
}
