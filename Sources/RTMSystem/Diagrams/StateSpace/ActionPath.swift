import ModelChecker

/// A path through a scenario's model read from text: the numbered steps `rtmcheck check --verbose`
/// prints for a counterexample (`1. alice: login()`), one action per numbered line; other lines
/// (what each step produced, the final state) are skipped.
///
/// Each step is matched against the descriptions of the actions enabled in the state reached so
/// far (``RTMSystemModel/describe(action:)``), so a pasted counterexample replays exactly.
public enum ActionPath {
    /// A step that names no enabled action.
    public struct ResolveError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The 1-based step number.
        public var step: Int
        /// The step's text.
        public var text: String
        /// The actions enabled at that point.
        public var enabled: [String]

        public var description: String {
            "step \(step) '\(text)' is not enabled there; enabled: " + enabled.joined(separator: "; ")
        }
    }

    /// The action descriptions of the numbered lines of `text`, in order.
    public static func steps(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let digits = trimmed.prefix { $0.isNumber }
            guard !digits.isEmpty, trimmed.dropFirst(digits.count).hasPrefix(". ") else { return nil }
            return String(trimmed.dropFirst(digits.count + 2))
        }
    }

    /// The actions the numbered lines of `text` name, replayed from the model's first initial state.
    public static func resolve(_ text: String, model: RTMSystemModel) throws(ResolveError) -> [SystemAction] {
        guard var state = model.initialStates.first else { return [] }
        var path: [SystemAction] = []
        var actions: [SystemAction] = []
        for (index, step) in steps(in: text).enumerated() {
            actions.removeAll(keepingCapacity: true)
            model.actions(state, into: &actions)
            guard let action = actions.first(where: { model.describe(action: $0) == step }),
                let next = model.next(state, action)
            else {
                throw ResolveError(step: index + 1, text: step, enabled: actions.map(model.describe(action:)))
            }
            path.append(action)
            state = next
        }
        return path
    }
}
