import Testing
@testable import RTMSystem
