extension Model {
    /// Explores this model and checks its properties and deadlocks.
    ///
    /// ```swift
    /// let result = TwoPhaseCommit().check(options: CheckOptions(bounds: .init(maxDepth: 20)))
    /// print(result.report(for: TwoPhaseCommit()).text)
    /// ```
    ///
    /// Breadth-first search runs on ``CheckOptions/workers`` threads with identical results for any
    /// number of them.
    ///
    /// - Complexity: O(states × actions) time for the exhaustive strategies. Breadth-first memory per
    ///   state: the visited table (12 bytes per slot exact, 8 compact, at 3/8 to 3/4 load), a 5-byte
    ///   parent link, 2 bytes per response property, plus the state itself in exact storage.
    @inlinable
    public func check(options: CheckOptions = CheckOptions()) -> CheckResult<Self> {
        switch options.strategy {
        case .breadthFirst:
            var search = LevelSearch(model: self, options: options)
            search.run()
            return search.finish()
        case .depthFirst:
            var explorer = Explorer(model: self, options: options)
            explorer.runDepthFirst()
            return explorer.finish()
        case .randomWalks(let count, let maxLength, let seed):
            return Simulator(model: self, options: options, walks: count, maxLength: maxLength, seed: seed).run()
        }
    }
}
