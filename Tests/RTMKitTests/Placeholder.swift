import Testing
@testable import RTMKit
