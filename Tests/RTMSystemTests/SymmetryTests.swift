import Foundation
import ModelChecker
import RTMMachines
import Testing

@testable import RTMSystem

/// Small scenarios whose clients are interchangeable (exhaustive in well under a second unreduced).
enum SymmetricScenarios {
    /// Two clients that may invite and accept each other, on a reliable network.
    static let mutual = """
        scenario: mutual
        clients: [alice, bob]
        calls:
          alice: [login, {sendLocalInvitation: bob}, {acceptRemoteInvitation: bob}]
          bob: [login, {sendLocalInvitation: alice}, {acceptRemoteInvitation: alice}]
        properties: all
        symmetry: [[alice, bob]]
        """

    /// The same on a network that may lose one message: the ends of an invitation may disagree.
    static let lossy = """
        scenario: lossy
        clients: [alice, bob]
        calls:
          alice: [login, {sendLocalInvitation: bob}, {acceptRemoteInvitation: bob}]
          bob: [login, {sendLocalInvitation: alice}, {acceptRemoteInvitation: alice}]
        network:
          loss: 1
        properties: all
        symmetry: [[alice, bob]]
        expect:
          invitation-agreement: violated
        """

    /// One caller and two interchangeable callees: a group that is not every client.
    static let callees = """
        scenario: callees
        clients: [carol, alice, bob]
        calls:
          carol: [login, {sendLocalInvitation: alice}, {sendLocalInvitation: bob}]
          alice: [login, {acceptRemoteInvitation: carol}]
          bob: [login, {acceptRemoteInvitation: carol}]
        properties: all
        symmetry: [[alice, bob]]
        """

    static func parse(_ text: String) throws -> Scenario { try ScenarioLoader.parse(text, file: "inline.yaml") }

    /// The scenario without its symmetry declaration.
    static func unreduced(_ scenario: Scenario) -> Scenario {
        var plain = scenario
        plain.symmetry = []
        return plain
    }

    /// Up to `limit` states reachable from the initial state, breadth-first, without reduction.
    static func sample(_ model: RTMSystemModel, limit: Int) -> [SystemState] {
        var seen = Set(model.initialStates)
        var queue = model.initialStates
        var position = 0
        var actions: [SystemAction] = []
        while position < queue.count, queue.count < limit {
            actions.removeAll(keepingCapacity: true)
            model.actions(queue[position], into: &actions)
            for action in actions {
                if let next = model.next(queue[position], action), seen.insert(next).inserted { queue.append(next) }
            }
            position += 1
        }
        return queue
    }

    /// Expects a run that folds more (`reduced`) to reach the verdicts, shortest paths and deadlocks of
    /// one that folds less (`full`), on at most as many states, with counterexamples that are real runs
    /// of `model`, state for state.
    static func expectSameOutcomes(
        _ reduced: CheckResult<RTMSystemModel>, _ full: CheckResult<RTMSystemModel>, of model: RTMSystemModel
    ) throws {
        #expect(reduced.termination.isExhaustive && full.termination.isExhaustive)
        #expect(reduced.states <= full.states)
        #expect(reduced.properties.map(\.verdict.name) == full.properties.map(\.verdict.name))
        #expect(reduced.properties.map { $0.verdict.path?.count } == full.properties.map { $0.verdict.path?.count })
        #expect(reduced.deadlocks.count == full.deadlocks.count)
        for path in reduced.properties.compactMap(\.verdict.path) {
            var state = path.initialState
            for step in path.steps {
                state = try #require(model.next(state, step.action))
                #expect(state == step.state)
            }
        }
    }

    static var modelsFolder: String {
        "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Models"
    }
}

@Suite struct SymmetryTests {
    @Test(
        "A swap renames every part of a state, and swapping back gives the state again",
        arguments: [SymmetricScenarios.lossy, SymmetricScenarios.callees])
    func swapIsARenaming(text: String) throws {
        let model = try RTMSystemModel(SymmetricScenarios.parse(text))
        let symmetry = try #require(model.symmetry)
        let swap = symmetry.transposition(0, 1)
        var moved = 0
        for state in SymmetricScenarios.sample(model, limit: 600) {
            let image = symmetry.permute(model, state, swap)
            #expect(symmetry.permute(model, image, swap) == state)
            #expect(symmetry.representative(of: image, in: model) == symmetry.representative(of: state, in: model))
            if image != state { moved += 1 }
        }
        #expect(moved > 0)
    }

    @Test("Renaming reaches the user IDs, connections, keys, texts and budgets of both clients")
    func renamingDetails() throws {
        let model = try RTMSystemModel(SymmetricScenarios.parse(SymmetricScenarios.mutual))
        var state = model.initialStates[0]
        // alice logs in; bob does not; alice invites bob, and the server holds the invitation.
        for action: SystemAction in [
            .call(client: 0, entry: 0), .deliverUp(client: 0, index: 0),
            .deliverDown(client: 0, index: 0), .call(client: 0, entry: 1), .deliverUp(client: 0, index: 0),
        ] {
            state = try #require(model.next(state, action))
        }
        let swapped = state.permuted(by: [1, 0], in: model)
        #expect(swapped.clients[1].core.userId == "bob")
        #expect(swapped.clients[0].core.userId == nil)
        #expect(swapped.clients[1].core.locals.map(\.key) == [InvitationKey(caller: "bob", callee: "alice", serial: 1)])
        #expect(swapped.clients[1].callsLeft == [0, 0, 1])
        #expect(swapped.clients[0].callsLeft == [1, 1, 1])
        #expect(swapped.server.sessions.map(\.user) == ["bob"])
        #expect(swapped.server.sessions.map(\.conn) == [ConnectionID(1)])
        #expect(swapped.server.invitations.map(\.key) == [InvitationKey(caller: "bob", callee: "alice", serial: 1)])
        #expect(
            swapped.links[1].down
                == state.links[0].down.map {
                    InFlight(
                        message: ClientPermutation(source: [1, 0], names: ["alice", "bob"], entries: nil).message(
                            $0.message),
                        msLeft: $0.msLeft)
                })
        #expect(!swapped.links[1].down.isEmpty)
        #expect(swapped.timers.count == state.timers.count)
        #expect(
            swapped.timers.contains {
                $0.owner
                    == .server(
                        .invitation(
                            InvitationKey(caller: "bob", callee: "alice", serial: 1), .noAck))
            })
        #expect(
            swapped.timers.allSatisfy { timer in
                if case .client(let i, _) = timer.owner { i == 1 } else { true }
            })
        #expect(swapped.seen.interrupted == [])
        #expect(swapped.permuted(by: [1, 0], in: model) == state)
        // Not a permutation of the clients: the state comes back as it is.
        #expect(state.permuted(by: [0, 0], in: model) == state)
    }

    @Test(
        "Representatives are fixed points with sorted timers, folding as the smallest fingerprint of all renamings",
        arguments: [SymmetricScenarios.callees, SymmetricScenarios.lossy])
    func representatives(text: String) throws {
        let model = try RTMSystemModel(SymmetricScenarios.parse(text))
        let plan = try #require(model.symmetryPlan)
        var tied = 0
        let sample = SymmetricScenarios.sample(model, limit: 400)
        #expect(Set(sample.map(plan.canonical)).count == Set(sample.map(plan.smallestImage)).count)
        #expect(Set(sample.map(plan.canonical)).count < sample.count)
        for state in sample {
            let representative = plan.canonical(state)
            #expect(zip(representative.timers, representative.timers.dropFirst()).allSatisfy { $0 < $1 })
            #expect(representative.timers.map(\.msLeft) == state.timers.map(\.msLeft))
            #expect(plan.canonical(representative) == representative)
            if zip(state.timers, state.timers.dropFirst()).contains(where: { $0.msLeft == $1.msLeft }) { tied += 1 }
        }
        #expect(tied > 0 || text != SymmetricScenarios.callees)
    }

    @Test("Callees holding invitations in the same state, sent in a different order, have different signatures")
    func signaturesTellSerialsApart() throws {
        let model = try RTMSystemModel(SymmetricScenarios.parse(SymmetricScenarios.callees))
        let plan = try #require(model.symmetryPlan)
        var compared = 0
        for state in SymmetricScenarios.sample(model, limit: 3_000) {
            let (alice, bob) = (state.clients[1].core.remotes, state.clients[2].core.remotes)
            guard alice.count == 1, bob.count == 1, alice[0].machine == bob[0].machine else { continue }
            #expect(alice[0].key.serial != bob[0].key.serial)
            // Tied signatures would make the canonical form fingerprint both images.
            let signatures = [1, 2].map {
                ClientSignature.of($0, in: state, calls: plan.calls[$0], dropsSerials: false)
            }
            #expect(signatures[0] != signatures[1], "\(model.describe(state: state))")
            compared += 1
        }
        #expect(compared > 0)
    }

    @Test("Whole words only: a name inside a longer word is left alone")
    func wholeWords() {
        let swap = ClientPermutation(source: [1, 0, 2], names: ["c1", "c2", "c10"], entries: nil)
        #expect(swap.text("c1:3>c10") == "c2:3>c10")
        #expect(swap.text("from c2") == "from c1")
        #expect(swap.text("c1->c2#1 c10->c1#2") == "c2->c1#1 c10->c2#2")
        #expect(swap.text("xc1 c1_x c1") == "xc1 c1_x c2")
        #expect(swap.user("c10") == "c10")
    }

    @Test("User IDs are renamed alike whether the names are compared as small ASCII words or as strings")
    func userRenamingPaths() {
        // Small ASCII names: the word comparison.
        let small = ClientPermutation(source: [1, 0, 2], names: ["K1", "bob", "carol"], entries: nil)
        #expect(small.smallNames != nil)
        #expect(small.user("K1") == "bob")
        #expect(small.user("bob") == "K1")
        #expect(small.user("carol") == "carol")
        #expect(small.user("dave") == "dave")
        #expect(small.user("") == "")
        // A name built at run time (not a literal) is the same small string.
        #expect(small.user(String("K") + String(1)) == "bob")
        // The Kelvin sign is canonically equivalent to "K": `==` calls them equal, so the renaming does.
        #expect("\u{212A}1" == "K1")
        #expect(small.user("\u{212A}1") == "bob")
        #expect(small.user("a user ID longer than fifteen bytes") == "a user ID longer than fifteen bytes")
        // A non-ASCII or a long name: every name is compared as a string.
        for names in [["zoë", "bob"], ["alice", "a user ID longer than fifteen bytes"]] {
            let swap = ClientPermutation(source: [1, 0], names: names, entries: nil)
            #expect(swap.smallNames == nil)
            #expect(swap.user(names[0]) == names[1])
            #expect(swap.user(names[1]) == names[0])
            #expect(swap.user("carol") == "carol")
        }
        #expect(SmallASCII("c1") == SmallASCII(String("c") + "1"))
        #expect(SmallASCII("c1") != SmallASCII("c2"))
        #expect(SmallASCII("zoë") == nil)
        #expect(SmallASCII("fifteen bytes!!") != nil)
        #expect(SmallASCII("sixteen bytes!!!") == nil)
    }

    @Test("Every scenario in Models/ that declares a symmetry passes validation on a sample of its states")
    func modelsValidate() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: SymmetricScenarios.modelsFolder)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var declared: [String] = []
        for name in names {
            let scenario = try ScenarioLoader.load(path: "\(SymmetricScenarios.modelsFolder)/\(name)")
            let model = try RTMSystemModel(scenario)
            guard !scenario.symmetry.isEmpty else { continue }
            declared.append(scenario.name)
            #expect(model.symmetry != nil)
            // A walk's state has k! renamings for a group of k: fewer walks for larger groups.
            let largest = scenario.symmetry.map(\.count).max() ?? 0
            let walks = largest <= 3 ? 20 : largest == 4 ? 2 : 0
            try model.validateDeclaredSymmetry(sampleStates: largest <= 4 ? 300 : 100, walks: walks, walkLength: 60)
        }
        #expect(declared.contains("bench-invitation-callers1"))
        #expect(declared.contains("bench-invitation-n5"))
    }

    @Test("Everyone-calls-everyone is symmetric: held invitations reach their callee in the order they arrived")
    func heldInvitationsKeepSymmetry() throws {
        var scenario = try ScenarioLoader.load(path: "\(SymmetricScenarios.modelsFolder)/bench-invitation.yaml")
        scenario.symmetry = [["c0", "c1", "c2"]]
        let model = try RTMSystemModel(scenario)
        // Everyone starts online. c0 logs out; c2, then c1, invites c0 and the server holds both
        // invitations; c0 logs in again.
        var state = model.initialStates[0]
        var steps: [SystemAction] = [.call(client: 0, entry: 0), .deliverUp(client: 0, index: 0)]
        for client in [2, 1] {
            steps += [
                .call(client: client, entry: 2), .deliverUp(client: client, index: 0),
                .deliverDown(client: client, index: 0),
            ]
        }
        steps.append(.call(client: 0, entry: 1))
        for action in steps {
            var enabled: [SystemAction] = []
            model.actions(state, into: &enabled)
            try #require(enabled.contains(action), "\(action) is not enabled in \(model.describe(state: state))")
            state = try #require(model.next(state, action))
        }
        #expect(state.server.invitations.map(\.phase) == [.holding, .holding])
        // By key c1's comes first; by arrival c2's.
        #expect(state.server.invitations.map(\.heldOrder) == [1, 0])
        // The swapped state is another state (c1's invitation arrived first there) ...
        let swapped = state.permuted(by: [0, 2, 1], in: model)
        #expect(swapped != state)
        #expect(swapped.server.invitations.map(\.heldOrder) == [0, 1])
        // ... and c0's login delivers c2's invitation first, whatever the names.
        let after = try #require(model.next(state, .deliverUp(client: 0, index: 0)))
        let invites = after.links[0].down.compactMap { flight -> String? in
            if case .invitation(let key, .invite) = flight.message { return key.caller }
            return nil
        }
        #expect(invites == ["c2", "c1"])
        // So the declaration holds from there, and from the swapped state.
        try model.validateDeclaredSymmetry(sampleStates: 0, at: [state, swapped])
    }

    @Test(
        "The inline symmetric scenarios pass validation",
        arguments: [SymmetricScenarios.mutual, SymmetricScenarios.lossy, SymmetricScenarios.callees])
    func inlineValidate(text: String) throws {
        try RTMSystemModel(SymmetricScenarios.parse(text)).validateDeclaredSymmetry(sampleStates: 400)
    }

    @Test(
        "A declaration the budgets contradict is refused when the model is built, naming the clients",
        arguments: [
            (
                "invitation", [["alice", "bob"]],
                "symmetry [alice, bob]: alice may call sendLocalInvitation bob but bob has no matching budget entry "
                    + "(sendLocalInvitation alice), so alice and bob are not interchangeable"
            ),
            (
                "bench-invitation-callers1", [["c0", "c1"]],
                "symmetry [c0, c1]: c0 may call sendLocalInvitation c1 but c1 has no matching budget entry "
                    + "(sendLocalInvitation c0), so c0 and c1 are not interchangeable"
            ),
            (
                "bench-invitation-callers1", [["c1", "c2"], ["c2", "c0"]],
                "symmetry [c2, c0]: c2 is named twice in the symmetry groups"
            ),
            (
                "bench-invitation-callers1", [["c1", "dave"]],
                "symmetry [c1, dave]: 'dave' is not a client (clients: c0, c1, c2)"
            ),
        ])
    func asymmetricRefused(name: String, groups: [[String]], message: String) throws {
        var scenario = try ScenarioLoader.load(path: "\(SymmetricScenarios.modelsFolder)/\(name).yaml")
        scenario.symmetry = groups
        #expect {
            try RTMSystemModel(scenario)
        } throws: { error in
            String(describing: error) == "\(name):1:1: \(message)"
        }
    }

    @Test("A budget entry used a different number of times is an asymmetry too")
    func timesDiffer() throws {
        let scenario = try SymmetricScenarios.parse(
            SymmetricScenarios.mutual.replacingOccurrences(of: "bob: [login,", with: "bob: [{call: login, times: 2},"))
        #expect(throws: ScenarioError.self) { try RTMSystemModel(scenario) }
    }

    @Test(
        "Reduced and unreduced runs reach the same verdicts, the reduced one on fewer states",
        arguments: [SymmetricScenarios.mutual, SymmetricScenarios.lossy, SymmetricScenarios.callees])
    func sameVerdicts(text: String) throws {
        let scenario = try SymmetricScenarios.parse(text)
        let (reduced, reducedResult) = try ScenarioCheck(scenario).run()
        let (full, fullResult) = try ScenarioCheck(SymmetricScenarios.unreduced(scenario)).run()
        #expect(reduced.exhausted && full.exhausted)
        #expect(reducedResult.store?.symmetryReduced == true)
        #expect(fullResult.store?.symmetryReduced == false)
        #expect(reduced.states < full.states)
        #expect(reduced.entries.map(\.property) == full.entries.map(\.property))
        #expect(reduced.entries.map(\.verdict) == full.entries.map(\.verdict))
        #expect(reduced.entries.map(\.matches) == full.entries.map(\.matches))
        #expect(reduced.passed && full.passed)
        // Breadth-first on representatives still finds shortest paths.
        #expect(
            reducedResult.properties.map { $0.verdict.path?.count }
                == fullResult.properties.map { $0.verdict.path?.count })
        #expect((reducedResult.deadlocks.count > 0) == (fullResult.deadlocks.count > 0))
        // Any number of workers folds to the same classes.
        var options = ScenarioCheck.Options()
        options.workers = 2
        let (parallel, _) = try ScenarioCheck(scenario).run(options)
        #expect(parallel.states == reduced.states)
        #expect(parallel.entries.map(\.verdict) == reduced.entries.map(\.verdict))
    }

    @Test("On the same state budget, folding two interchangeable callees explores at least as deep")
    func boundedBench() throws {
        let scenario = try ScenarioLoader.load(
            path: "\(SymmetricScenarios.modelsFolder)/bench-invitation-callers1.yaml")
        #expect(scenario.symmetry == [["c1", "c2"]])
        var options = ScenarioCheck.Options()
        options.maxStates = 3_000
        let (reduced, reducedResult) = try ScenarioCheck(scenario).run(options)
        let (full, fullResult) = try ScenarioCheck(SymmetricScenarios.unreduced(scenario)).run(options)
        #expect(!reduced.exhausted && !full.exhausted)
        // Neither finds a violation; whatever the full run witnesses, the reduced one (deeper on the
        // same budget) witnesses too.
        #expect(reduced.entries.map(\.property) == full.entries.map(\.property))
        for (left, right) in zip(reduced.entries, full.entries) {
            #expect(
                left.verdict == right.verdict
                    || (left.verdict == "witnessed" && right.verdict == "not reached within bounds"))
        }
        #expect(reduced.passed && full.passed)
        let reducedDepth = try #require(reducedResult.completedDepth)
        let fullDepth = try #require(fullResult.completedDepth)
        #expect(reducedDepth >= fullDepth)
    }

    @Test("A counterexample found under symmetry is a run of the unreduced model, printed in the scenario's names")
    func counterexampleInOriginalNames() throws {
        let scenario = try SymmetricScenarios.parse(SymmetricScenarios.lossy)
        let check = try ScenarioCheck(scenario)
        let (outcome, result) = check.run()
        let entry = try #require(outcome.entries.first { $0.property == "invitation-agreement" })
        #expect(entry.verdict == "violated")
        #expect(entry.matches)
        let path = try #require(result.verdict("invitation-agreement")?.path)
        #expect(result.properties.allSatisfy { $0.note == nil })
        // The path replays step by step in the model without the declaration.
        let plain = try RTMSystemModel(SymmetricScenarios.unreduced(scenario))
        #expect(path.initialState == plain.initialStates[0])
        var state = path.initialState
        for step in path.steps {
            var actions: [SystemAction] = []
            plain.actions(state, into: &actions)
            #expect(actions.contains(step.action))
            #expect(plain.next(state, step.action) == step.state)
            state = step.state
        }
        #expect(plain.invitationDisagreement(state) != nil)
        // It is as short as the unreduced run's, and printed as the unreduced model explains it.
        let (_, fullResult) = try ScenarioCheck(SymmetricScenarios.unreduced(scenario)).run()
        #expect(path.count == fullResult.verdict("invitation-agreement")?.path?.count)
        let steps = try #require(entry.steps)
        #expect(steps == (try ScenarioCheck(SymmetricScenarios.unreduced(scenario))).explain(path))
        #expect(steps.contains { $0.contains("alice") } && steps.contains { $0.contains("bob") })
        // The search stored some of these states under the other client's name: the replay renamed them back.
        let symmetry = try #require(check.model.symmetry)
        #expect(path.states.contains { symmetry.representative(of: $0, in: check.model) != $0 })
    }

    @Test("A declaration the budgets allow but the model does not honour is refused by sample validation")
    func validationCatchesTheRest() throws {
        let model = try RTMSystemModel(SymmetricScenarios.parse(SymmetricScenarios.mutual), serverStep: bobIsBanned)
        #expect {
            try model.validateDeclaredSymmetry(sampleStates: 200)
        } throws: { error in
            String(describing: error).hasPrefix("alice and bob are not interchangeable: ")
        }
    }
}

/// A planted asymmetry: the server refuses every login of bob's.
@Sendable func bobIsBanned(_ state: ServerMachine.State, _ event: ServerMachine.Event)
    -> Step<ServerMachine.State, ServerMachine.Effect>
{
    if case .requestReceived(let conn, .login(user: "bob", tokenVerdict: .ok)) = event {
        return ServerMachine.step(state, .requestReceived(conn, .login(user: "bob", tokenVerdict: .invalidToken)))
    }
    return ServerMachine.step(state, event)
}
