import ModelChecker

/// A scenario's symmetry declaration, checked against the scenario and prepared for the checker: the
/// groups of interchangeable clients and every permutation within them, each with its budget
/// correspondence and renaming tables.
///
/// A declaration is refused at model construction when the scenario itself tells the clients apart:
/// a name that is no client, a client in two groups, or call budgets that do not map onto each other
/// when two clients of a group trade places (`symmetry: [[alice, bob]]` where only alice may call).
///
/// The canonical form of a state ranks each group's clients by a name-free summary
/// (``ClientSignature``) and takes the image in that order; only among clients whose summaries tie
/// does it compare fingerprints (a group of k clients has k! permutations; several groups multiply).
struct SymmetryPlan: Sendable {
    /// The declared groups, as client indices (groups of one client are dropped).
    let groups: [[Int]]
    /// The scenario's client names.
    let names: [String]
    /// The clients of every group, in declaration order: ``Symmetry/elements``' order.
    let elements: [Int]
    /// Every permutation within the groups but the identity.
    let permutations: [ClientPermutation]
    /// Their indices, by ``ClientPermutation/source``.
    let bySource: [[Int]: Int]
    /// Their indices by the Lehmer rank of their sources (``identity`` for the identity), when the
    /// clients are few enough for a table (eight: 40,320 entries).
    let ranks: [Int32]?
    /// Per client, per budget entry: the entry's call, as a number (for ``ClientSignature``).
    let calls: [[UInt64]]
    /// Images give every invitation key serial number 0 (``serialsRedundant(_:)``), so that states that
    /// differ only in the order their invitations were created share a representative.
    let dropsSerials: Bool
    /// Images show settled invitations as canceled at both ends (`SettledInvitations.swift`), so that
    /// states that differ only in how invitations over for good ended share a representative.
    let forgetsSettled: Bool
    /// The image of a state under no permutation: the state itself, or with its serials dropped and its
    /// settled invitations shown as canceled.
    let identityImage: ClientPermutation

    /// The plan of `scenario`'s declaration; nil when it declares no group of two or more clients.
    init?(_ scenario: Scenario) throws(ScenarioError) {
        try self.init(scenario, groups: scenario.symmetry)
    }

    /// `dropsSerials` nil: as ``serialsRedundant(_:)`` says of `scenario` (false: keep them, for tests to
    /// compare); `forgetsSettled` false: images keep every outcome (for tests to compare).
    init?(
        _ scenario: Scenario, groups declared: [[String]], dropsSerials: Bool? = nil, forgetsSettled: Bool = true
    ) throws(ScenarioError) {
        func refuse(_ message: String) -> ScenarioError {
            ScenarioError(file: scenario.name, line: 1, column: 1, message: message)
        }
        var groups: [[Int]] = []
        var claimed: Set<Int> = []
        for group in declared {
            let shown = "symmetry [\(group.joined(separator: ", "))]"
            var members: [Int] = []
            for name in group {
                guard let index = scenario.clientIndex(name) else {
                    throw refuse(
                        "\(shown): '\(name)' is not a client (clients: \(scenario.clients.joined(separator: ", ")))")
                }
                guard claimed.insert(index).inserted else {
                    throw refuse("\(shown): \(name) is named twice in the symmetry groups")
                }
                members.append(index)
            }
            guard members.count > 1 else { continue }
            for (position, a) in members.enumerated() {
                for b in members[(position + 1)...] {
                    var swap = Array(scenario.clients.indices)
                    swap.swapAt(a, b)
                    if let mismatch = Self.entryMaps(source: swap, scenario: scenario).mismatch {
                        throw refuse(
                            "\(shown): \(mismatch), so \(scenario.clients[a]) and \(scenario.clients[b]) "
                                + "are not interchangeable")
                    }
                }
            }
            groups.append(members)
        }
        guard !groups.isEmpty else { return nil }
        self.groups = groups
        names = scenario.clients
        elements = groups.flatMap { $0 }
        var sources: [[Int]] = [Array(scenario.clients.indices)]
        for group in groups {
            let orders = Self.orders(of: group.count)
            sources = sources.flatMap { source in
                orders.map { order in
                    var next = source
                    for (position, client) in group.enumerated() { next[client] = source[group[order[position]]] }
                    return next
                }
            }
        }
        let dropsSerials = dropsSerials ?? Self.serialsRedundant(scenario)
        self.dropsSerials = dropsSerials
        self.forgetsSettled = forgetsSettled
        permutations = sources.dropFirst().map { source in
            ClientPermutation(
                source: source, names: scenario.clients,
                entries: Self.entryMaps(source: source, scenario: scenario).entries, dropsSerials: dropsSerials,
                forgetsSettled: forgetsSettled)
        }
        identityImage = ClientPermutation(
            source: Array(scenario.clients.indices), names: scenario.clients, entries: nil, dropsSerials: dropsSerials,
            forgetsSettled: forgetsSettled)
        (bySource, ranks) = Self.lookups(permutations)
        calls = scenario.calls.map { budget in
            budget.map { UInt64(ScenarioCall.allCases.firstIndex(of: $0.call) ?? 0) }
        }
    }

    /// The names of ``elements``.
    var elementNames: [String] { elements.map { names[$0] } }

    /// The representative of `state`'s class.
    ///
    /// The clients of each group are ranked by ``ClientSignature``: the image in which the group's
    /// first client plays the part of the smallest signature, and so on. Only clients whose
    /// signatures tie leave a choice; among those images, the one with the smallest fingerprint wins.
    /// Both steps depend only on the class, so every state of a class gets the same representative.
    ///
    /// - Complexity: k signatures per group of k clients, then one renaming, or one renaming and one
    ///   fingerprint per choice left by ties (at worst k! for k clients in identical situations).
    func canonical(_ state: SystemState) -> SystemState {
        let sources = choices(for: state)
        guard sources.count > 1 else { return image(of: state, source: sources[0]) }
        var best = image(of: state, source: sources[0])
        var smallest = StateFingerprint.of(best).rawValue
        for source in sources.dropFirst() {
            let candidate = image(of: state, source: source)
            let fingerprint = StateFingerprint.of(candidate).rawValue
            if fingerprint < smallest {
                best = candidate
                smallest = fingerprint
            }
        }
        return best
    }

    /// The fingerprint of ``canonical(_:)``'s representative of `state`, its encoding appended to
    /// `*encoder` if given, without building the representative: each image is fed as it would be
    /// (``ClientPermutation/feedImage(of:into:)``). A search that keeps the states it reaches, not their
    /// representatives, folds classes with this alone.
    func classFingerprint(of state: SystemState, recordingInto encoder: UnsafeMutablePointer<StateEncoder>?)
        -> Fingerprint
    {
        let settled = forgetsSettled ? identityImage.settledSlots(in: state) : nil
        var chosen = untiedImage(of: state, settled: settled)
        if chosen == nil {
            // Signatures tie: the smallest fingerprint among the tied images.
            var smallest = UInt64.max
            for source in choices(for: state, settled: settled) {
                let index = permutationIndex(of: source)
                var h = StableHasher(seed: StateFingerprint.seed)
                feedImage(index, of: state, settled: settled, into: &h)
                let fingerprint = h.finalize().rawValue
                if fingerprint < smallest {
                    chosen = index
                    smallest = fingerprint
                }
            }
            if encoder == nil { return Fingerprint(rawValue: smallest) }
        }
        var h = encoder.map { StableHasher(seed: StateFingerprint.seed, recordingInto: $0) }
            ?? StableHasher(seed: StateFingerprint.seed)
        feedImage(chosen ?? Self.identity, of: state, settled: settled, into: &h)
        return h.finalize()
    }

    /// ``permutations``' index of the image ``classFingerprint(of:recordingInto:)`` takes when no two
    /// clients of a group have equal signatures (``identity`` for the state itself), or nil on a tie.
    /// The common case, so it allocates nothing: the same order as ``choices(for:)``, on the stack.
    func untiedImage(of state: SystemState) -> Int? {
        untiedImage(of: state, settled: forgetsSettled ? identityImage.settledSlots(in: state) : nil)
    }

    /// ``untiedImage(of:)`` with `state`'s settled invitations marked already.
    func untiedImage(of state: SystemState, settled: SettledSlots?) -> Int? {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: names.count) { source in
            for client in source.indices { source[client] = client }
            for group in groups.indices {
                let count = groups[group].count
                let untied = withUnsafeTemporaryAllocation(of: (UInt64, Int).self, capacity: count) { ranked in
                    for position in 0..<count {
                        let client = groups[group][position]
                        let signature = ClientSignature.of(
                            client, in: state, calls: calls[client], dropsSerials: dropsSerials, settled: settled)
                        ranked[position] = (signature, position)
                    }
                    // Insertion sort by signature: a group has a handful of clients.
                    for end in 1..<max(1, count) {
                        var position = end
                        while position > 0, ranked[position].0 < ranked[position - 1].0 {
                            ranked.swapAt(position, position - 1)
                            position -= 1
                        }
                    }
                    for position in 1..<max(1, count) where ranked[position].0 == ranked[position - 1].0 {
                        return false
                    }
                    for position in 0..<count {
                        source[groups[group][position]] = groups[group][ranked[position].1]
                    }
                    return true
                }
                guard untied else { return nil }
            }
            return permutationIndex(of: UnsafeBufferPointer(source))
        }
    }

    /// The index in ``permutations`` of the permutation with `source` (``identity`` for the identity).
    func permutationIndex<C: RandomAccessCollection<Int>>(of source: C) -> Int where C.Index == Int {
        if let ranks {
            let rank = Self.rank(of: source)
            return ranks.indices.contains(rank) ? Int(ranks[rank]) : Self.identity
        }
        return bySource[Array(source)] ?? Self.identity
    }

    /// The Lehmer rank of a permutation of `0..<n`: per position, how many later entries are smaller,
    /// read as a number in the factorial base (0 for the identity, n! - 1 for the reversal).
    static func rank<C: RandomAccessCollection<Int>>(of source: C) -> Int where C.Index == Int {
        var rank = 0
        for position in source.indices {
            var smaller = 0
            for later in (position + 1)..<source.endIndex where source[later] < source[position] { smaller += 1 }
            rank = rank * (source.endIndex - position) + smaller
        }
        return rank
    }

    /// ``permutationIndex(of:)``'s answer for the identity.
    static var identity: Int { -1 }

    /// Feeds the encoding of the image by ``permutations``[`index`] (the state itself for ``identity``).
    /// `settled`: `state`'s settled invitations (``ClientPermutation/settledSlots(in:)``).
    @inline(__always)
    func feedImage(_ index: Int, of state: SystemState, settled: SettledSlots?, into h: inout StableHasher) {
        if permutations.indices.contains(index) {
            // Borrowed in place: a copy would retain the permutation's tables, which every worker shares.
            permutations.withUnsafeBufferPointer { $0[index].feedImage(of: state, settled: settled, into: &h) }
        } else if identityImage.renames {
            identityImage.feedImage(of: state, settled: settled, into: &h)
        } else {
            state.feed(into: &h)
        }
    }

    /// The images ``canonical(_:)`` chooses among, as client sources: one unless signatures tie.
    func choices(for state: SystemState) -> [[Int]] {
        choices(for: state, settled: forgetsSettled ? identityImage.settledSlots(in: state) : nil)
    }

    /// ``choices(for:)`` with `state`'s settled invitations marked already.
    func choices(for state: SystemState, settled: SettledSlots?) -> [[Int]] {
        var sources: [[Int]] = [Array(names.indices)]
        for group in groups {
            let signatures = group.map {
                ClientSignature.of($0, in: state, calls: calls[$0], dropsSerials: dropsSerials, settled: settled)
            }
            let order = group.indices.sorted { signatures[$0] < signatures[$1] }
            var assignments = [order]
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count, signatures[order[end]] == signatures[order[start]] { end += 1 }
                if end - start > 1 {
                    let (from, count) = (start, end - start)
                    assignments = assignments.flatMap { assignment in
                        Self.orders(of: count).map { within in
                            var next = assignment
                            for (offset, pick) in within.enumerated() { next[from + offset] = assignment[from + pick] }
                            return next
                        }
                    }
                }
                start = end
            }
            sources = sources.flatMap { source in
                assignments.map { assignment in
                    var next = source
                    for (position, client) in group.enumerated() { next[client] = group[assignment[position]] }
                    return next
                }
            }
        }
        return sources
    }

    /// The image of `state` in which client `i` plays the part of client `source[i]`.
    func image(of state: SystemState, source: [Int]) -> SystemState {
        let index = permutationIndex(of: source)
        guard permutations.indices.contains(index) else { return state.permuted(by: identityImage) }
        return state.permuted(by: permutations[index])
    }

    /// ``bySource`` and ``ranks`` for `permutations`.
    static func lookups(_ permutations: [ClientPermutation]) -> ([[Int]: Int], [Int32]?) {
        let bySource = Dictionary(
            permutations.enumerated().map { ($1.source, $0) }, uniquingKeysWith: { first, _ in first })
        guard let count = permutations.first?.source.count, count <= 8 else { return (bySource, nil) }
        var ranks = [Int32](repeating: Int32(identity), count: (1...max(1, count)).reduce(1, *))
        for (index, permutation) in permutations.enumerated() {
            let rank = Self.rank(of: permutation.source)
            if ranks.indices.contains(rank) { ranks[rank] = Int32(index) }
        }
        return (bySource, ranks)
    }

    /// The representative by the plain definition: the smallest fingerprint over every image
    /// (for tests: it must fold exactly the classes ``canonical(_:)`` folds).
    func smallestImage(_ state: SystemState) -> SystemState {
        var best = state.permuted(by: identityImage)
        var smallest = StateFingerprint.of(best).rawValue
        for permutation in permutations {
            let candidate = state.permuted(by: permutation)
            let fingerprint = StateFingerprint.of(candidate).rawValue
            if fingerprint < smallest {
                best = candidate
                smallest = fingerprint
            }
        }
        return best
    }

    /// The client permutation of a permutation of ``elements`` (element `a` plays the part element
    /// `order[a]` played), or nil when `order` is not one.
    ///
    /// `scenario` must be the one the plan was made from (the model's): a permutation within the
    /// groups is then the one the plan prepared, taken from ``permutations`` rather than built again
    /// (sample validation asks for a transposition per state and per successor).
    ///
    /// It renames and nothing else: it keeps serial numbers (``dropsSerials`` is for images only), so that
    /// it maps states onto states, and swapping twice gives the state back.
    func clientPermutation(elements order: [Int], scenario: Scenario) -> ClientPermutation? {
        guard order.count == elements.count, Set(order) == Set(order.indices) else { return nil }
        var source = Array(names.indices)
        for (position, client) in elements.enumerated() { source[client] = elements[order[position]] }
        let index = permutationIndex(of: source)
        if permutations.indices.contains(index), permutations[index].source == source {
            return permutations[index].renamingOnly
        }
        return ClientPermutation(
            source: source, names: names, entries: Self.entryMaps(source: source, scenario: scenario).entries)
    }

    /// A copy that folds only the clients of `group` (validation checks one group at a time).
    func restricted(to group: [Int]) -> SymmetryPlan {
        let within = permutations.filter { p in p.source.indices.allSatisfy { group.contains($0) || p.source[$0] == $0 }
        }
        return SymmetryPlan(
            groups: [group], names: names, elements: group, permutations: within, calls: calls,
            dropsSerials: dropsSerials, forgetsSettled: forgetsSettled, identityImage: identityImage)
    }

    /// The orderings of `0..<count`, the identity first.
    static func orders(of count: Int) -> [[Int]] {
        guard count > 1 else { return [Array(0..<max(0, count))] }
        return orders(of: count - 1).flatMap { shorter in
            (0...shorter.count).reversed().map { position in
                var order = shorter
                order.insert(count - 1, at: position)
                return order
            }
        }
    }

    private init(
        groups: [[Int]], names: [String], elements: [Int], permutations: [ClientPermutation], calls: [[UInt64]],
        dropsSerials: Bool, forgetsSettled: Bool, identityImage: ClientPermutation
    ) {
        self.groups = groups
        self.names = names
        self.elements = elements
        self.permutations = permutations
        self.calls = calls
        self.dropsSerials = dropsSerials
        self.forgetsSettled = forgetsSettled
        self.identityImage = identityImage
        (bySource, ranks) = Self.lookups(permutations)
    }

    /// Whether `scenario` lets each client create at most one invitation per callee in a whole run: every
    /// client's `sendLocalInvitation` entries allow at most one call per target (Spin's bound, "one
    /// invitation per ordered pair"). Invitation serial numbers are then redundant, and images drop them.
    ///
    /// Why that is sound. Nothing reads a serial number but to compare keys: for equality, and for order
    /// in the lists kept sorted by key, which compare caller and callee first. Under this bound no two
    /// keys that a core, the server or a message can hold together share caller and callee (a key made
    /// before login has caller "" and lives only in its creator's `locals`, one per callee), so setting
    /// every serial to 0 keeps every such comparison's answer. The next key a client makes takes its
    /// counter (`nextInvitationSerial`), which images keep, and is for a callee it has no key for. Two
    /// states whose images are equal therefore have the same futures, step for step, with the same
    /// verdicts, deadlocks and properties (violation notes that quote a key keep their text, so they
    /// never equate two states). The states the search keeps and the paths it prints are the real ones.
    static func serialsRedundant(_ scenario: Scenario) -> Bool {
        scenario.calls.allSatisfy { budget in
            var invitations: [String: Int] = [:]
            for entry in budget where entry.call == .sendLocalInvitation {
                invitations[entry.target ?? "", default: 0] += max(0, entry.times)
            }
            return invitations.values.allSatisfy { $0 <= 1 }
        }
    }

    /// How the budgets correspond under the client permutation `source`: for client `i`, which entry
    /// of client `source[i]`'s budget each of its own entries continues, with peer targets renamed.
    /// When some entry has no counterpart, `entries` is nil and `mismatch` says which.
    static func entryMaps(source: [Int], scenario: Scenario) -> (entries: [[Int]]?, mismatch: String?) {
        let names = scenario.clients
        guard source.count == names.count, scenario.calls.count == names.count else {
            return (nil, "the scenario gives \(scenario.calls.count) budgets for \(names.count) clients")
        }
        var target = Array(source.indices)
        for (i, j) in source.enumerated() { target[j] = i }
        /// The entry as the client now playing its owner's part has it (`by` maps old to new indices).
        func renamed(_ budget: CallBudget, by map: [Int]) -> CallBudget {
            guard budget.call.target == .peer, let peer = budget.target, let index = names.firstIndex(of: peer) else {
                return budget
            }
            var moved = budget
            moved.target = names[map[index]]
            return moved
        }
        var maps: [[Int]] = []
        for (i, j) in source.enumerated() {
            var unused = Array(scenario.calls[j].indices)
            var map: [Int] = []
            for own in scenario.calls[i] {
                guard let position = unused.firstIndex(where: { renamed(scenario.calls[j][$0], by: target) == own })
                else {
                    return (
                        nil,
                        "\(names[i]) may call \(describe(own)) but \(names[j]) has no matching budget entry "
                            + "(\(describe(renamed(own, by: source))))"
                    )
                }
                map.append(unused.remove(at: position))
            }
            if let extra = unused.first {
                return (
                    nil,
                    "\(names[j]) may call \(describe(scenario.calls[j][extra])) but \(names[i]) has no "
                        + "matching budget entry (\(describe(renamed(scenario.calls[j][extra], by: target))))"
                )
            }
            maps.append(map)
        }
        return (maps, nil)
    }

    static func describe(_ budget: CallBudget) -> String {
        var text = budget.call.rawValue
        if let target = budget.target { text += " \(target)" }
        if budget.offline { text += " (offline)" }
        if budget.times != 1 { text += " ×\(budget.times)" }
        return text
    }
}
