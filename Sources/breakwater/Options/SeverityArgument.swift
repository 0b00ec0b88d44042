public import ArgumentParser
public import BreakwaterModel

extension Severity: ExpressibleByArgument {}
