/// The detectors of Microsoft Teams: memberships and guests.
enum MicrosoftTeamsDetectors {
    static let all: [any Detector] = [
        TeamJoinBurst(),
        TeamExternalGuest(),
    ]
}
