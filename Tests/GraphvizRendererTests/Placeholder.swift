import Testing
@testable import GraphvizRenderer
