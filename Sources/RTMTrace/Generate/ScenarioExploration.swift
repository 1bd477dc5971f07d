import ModelChecker
import RTMSystem

/// A breadth-first exploration of a scenario's model that remembers, for every coverage key (every
/// transition the model distinguishes, payloads emptied by ``CoverageKey/normalize(_:)``), the first
/// place it was taken: so the shortest execution that takes it can be rebuilt.
///
/// States are kept as 64-bit fingerprints only; a node remembers its parent and the action that
/// reached it, and paths are rebuilt by replaying actions from the initial state.
///
/// - Complexity: O(*s* × *a*) time for *s* states and *a* actions per state; about 40 bytes per state.
public struct ScenarioExploration: Sendable {
    /// Where a coverage key was first taken: from node `node` by `action`.
    public struct FirstTaken: Hashable, Sendable {
        public var node: Int
        public var action: SystemAction
    }

    public let model: RTMSystemModel
    /// Distinct states reached.
    public private(set) var states = 0
    /// Transitions taken (actions with a successor).
    public private(set) var transitions = 0
    /// Whether every reachable state was explored (no bound hit).
    public private(set) var exhausted = true
    /// The bound that stopped the exploration, if one did.
    public private(set) var boundHit: String?
    /// The deepest level explored.
    public private(set) var depth = 0
    /// Every coverage key taken, in the order first taken.
    public private(set) var keys: [String] = []
    /// How often each key was taken.
    public private(set) var counts: [String: Int] = [:]
    /// Where each key was first taken.
    public private(set) var firstTaken: [String: FirstTaken] = [:]

    var parents: [Int32] = []
    var actions: [SystemAction?] = []
    var depths: [Int32] = []

    /// Explores `model` within the bounds (defaults: the scenario's own depth, state and time bounds;
    /// `maxSeconds: .infinity` ignores the time bound, for results that do not depend on the machine).
    public init(model: RTMSystemModel, maxDepth: Int? = nil, maxStates: Int? = nil, maxSeconds: Double? = nil) {
        self.model = model
        let depthBound = maxDepth ?? model.scenario.bounds.depth ?? Int.max
        let stateBound = maxStates ?? model.scenario.bounds.states ?? Int.max
        let clock = ContinuousClock()
        let deadline = (maxSeconds ?? model.scenario.bounds.seconds).flatMap {
            $0.isFinite ? clock.now.advanced(by: .milliseconds(Int($0 * 1000))) : nil
        }
        var visited: Set<UInt64> = []
        var layer: [(SystemState, Int32)] = []
        for state in model.initialStates where visited.insert(model.fingerprint(state).rawValue).inserted {
            layer.append((state, Int32(parents.count)))
            parents.append(-1)
            actions.append(nil)
            depths.append(0)
        }
        states = parents.count
        var buffer: [SystemAction] = []
        var keyBuffer: [String] = []
        var level = 0
        explore: while !layer.isEmpty {
            depth = level
            if level >= depthBound {
                exhausted = false
                boundHit = "depth \(depthBound)"
                break
            }
            var next: [(SystemState, Int32)] = []
            for (count, (state, node)) in layer.enumerated() {
                if count % 512 == 0, let deadline, clock.now > deadline {
                    exhausted = false
                    boundHit = "time"
                    break explore
                }
                buffer.removeAll(keepingCapacity: true)
                model.actions(state, into: &buffer)
                for action in buffer {
                    guard let successor = model.next(state, action) else { continue }
                    transitions += 1
                    keyBuffer.removeAll(keepingCapacity: true)
                    model.coverageKeys(state, action, into: &keyBuffer)
                    for key in keyBuffer.map(CoverageKey.normalize) {
                        if counts[key] == nil {
                            keys.append(key)
                            firstTaken[key] = FirstTaken(node: Int(node), action: action)
                        }
                        counts[key, default: 0] += 1
                    }
                    guard visited.insert(model.fingerprint(successor).rawValue).inserted else { continue }
                    if parents.count >= stateBound {
                        exhausted = false
                        boundHit = "\(stateBound) states"
                        break explore
                    }
                    next.append((successor, Int32(parents.count)))
                    parents.append(node)
                    actions.append(action)
                    depths.append(Int32(level + 1))
                }
            }
            states = parents.count
            layer = next
            level += 1
        }
        states = parents.count
    }

    /// The actions from the initial state to node `node`.
    public func actions(to node: Int) -> [SystemAction] {
        var out: [SystemAction] = []
        var current = node
        while current >= 0, current < parents.count, let action = actions[current] {
            out.append(action)
            current = Int(parents[current])
        }
        return out.reversed()
    }

    /// A shortest execution that takes `key`: the actions to where it was first taken, and that step.
    public func shortestPath(to key: String) -> [SystemAction]? {
        guard let first = firstTaken[key] else { return nil }
        return actions(to: first.node) + [first.action]
    }

    /// The initial state the paths start from.
    public var initialState: SystemState? { model.initialStates.first }
}
