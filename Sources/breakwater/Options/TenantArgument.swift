public import ArgumentParser
public import BreakwaterModel

extension TenantID: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
