import Testing
@testable import ModelChecker
