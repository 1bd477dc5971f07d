extension Model {
    /// Explores this model and checks its properties and deadlocks.
    ///
    /// ```swift
    /// let result = TwoPhaseCommit().check(options: CheckOptions(bounds: .init(maxDepth: 20)))
    /// print(result.report(for: TwoPhaseCommit()).text)
    /// ```
    ///
    /// - Complexity: O(states × actions) time for the exhaustive strategies; memory per state of
    ///   about 30 bytes in compact storage plus the state itself in exact storage.
    @inlinable
    public func check(options: CheckOptions = CheckOptions()) -> CheckResult<Self> {
        switch options.strategy {
        case .breadthFirst:
            var explorer = Explorer(model: self, options: options)
            explorer.runBreadthFirst()
            return explorer.finish()
        case .depthFirst:
            var explorer = Explorer(model: self, options: options)
            explorer.runDepthFirst()
            return explorer.finish()
        case .randomWalks(let count, let maxLength, let seed):
            return Simulator(model: self, options: options, walks: count, maxLength: maxLength, seed: seed).run()
        }
    }
}
