import Testing
@testable import StateGraph
