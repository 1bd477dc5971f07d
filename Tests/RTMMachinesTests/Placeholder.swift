import Testing
@testable import RTMMachines
