/// The findings of a search so far: first counterexamples and witnesses, deadlocks, and why the
/// search stopped.
@usableFromInline
struct Verdicts<M: Model> {
    @usableFromInline let properties: [Property<M>]
    @usableFromInline let options: CheckOptions
    /// The property index of each monitor slot.
    @usableFromInline let responseProperties: [Int]
    /// Indices of the `always` and `sometimes` properties not yet decided, in property order.
    @usableFromInline var openStateChecks: [Int]
    /// Whether each monitor slot is still undecided.
    @usableFromInline var responseOpen: [Bool]
    @usableFromInline var findings: [Finding<M>?]
    @usableFromInline var undecided: Int
    @usableFromInline var deadlockCount = 0
    @usableFromInline var deadlockPath: Path<M>?
    @usableFromInline var stop: Termination?

    @usableFromInline
    init(properties: [Property<M>], options: CheckOptions) {
        self.properties = properties
        self.options = options
        responseProperties = properties.indices.filter { properties[$0].isResponse }
        openStateChecks = properties.indices.filter { !properties[$0].isResponse }
        responseOpen = Array(repeating: true, count: responseProperties.count)
        findings = Array(repeating: nil, count: properties.count)
        undecided = properties.count
    }

    /// Records the first counterexample or witness of property `index`.
    @usableFromInline
    mutating func record(property index: Int, _ found: (path: Path<M>, note: String?)?, note: String? = nil) {
        guard findings[index] == nil, let found else { return }
        let notes = [note, found.note].compactMap { $0 }
        findings[index] = Finding(path: found.path, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        undecided -= 1
        openStateChecks.removeAll { $0 == index }
        if properties[index].kind != .sometimes { noteViolation() }
        checkAllDecided()
    }

    @usableFromInline
    mutating func recordDeadlock(_ found: (path: Path<M>, note: String?)?) {
        deadlockCount += 1
        if deadlockPath == nil { deadlockPath = found?.path }
        noteViolation()
        checkAllDecided()
    }

    /// A response deadline passed on entering a state.
    @usableFromInline
    mutating func recordMissedDeadline(_ slot: Int, _ found: (path: Path<M>, note: String?)?) {
        guard responseOpen[slot] else { return }
        responseOpen[slot] = false
        let property = properties[responseProperties[slot]]
        let note = property.kind == .eventually
            ? "the predicate did not hold within \(property.steps) steps of the start"
            : "the response did not hold within \(property.steps) steps of the trigger"
        record(property: responseProperties[slot], found, note: note)
    }

    /// A run ended with monitor slot `slot` still pending.
    @usableFromInline
    mutating func recordRunEnd(_ slot: Int, _ found: (path: Path<M>, note: String?)?) {
        guard responseOpen[slot] else { return }
        responseOpen[slot] = false
        let property = properties[responseProperties[slot]]
        let note = property.kind == .eventually
            ? "the run ended before the predicate held" : "the run ended with the trigger unanswered"
        record(property: responseProperties[slot], found, note: note)
    }

    @usableFromInline
    mutating func noteViolation() {
        if options.stopAtFirstViolation, stop == nil { stop = .stoppedAtFirstViolation }
    }

    @usableFromInline
    mutating func checkAllDecided() {
        guard options.stopWhenAllDecided, stop == nil, undecided == 0 else { return }
        guard !properties.isEmpty || options.checkDeadlocks else { return }
        if !options.checkDeadlocks || deadlockCount > 0 { stop = .allPropertiesDecided }
    }

    /// The verdict on every property.
    @usableFromInline
    func results(exhaustive: Bool) -> [PropertyResult<M>] {
        properties.enumerated().map { index, property in
            let verdict: Verdict<M>
            if let finding = findings[index] {
                verdict = property.kind == .sometimes ? .witnessed(finding.path) : .violated(finding.path)
            } else if property.kind == .sometimes {
                verdict = exhaustive ? .neverReached : .notReachedWithinBounds
            } else {
                verdict = exhaustive ? .holds : .noViolationWithinBounds
            }
            return PropertyResult(name: property.name, kind: property.kind, verdict: verdict, note: findings[index]?.note)
        }
    }
}
