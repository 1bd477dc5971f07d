import Testing
@testable import RTMProtocol
