import Testing
@testable import RTMTrace
