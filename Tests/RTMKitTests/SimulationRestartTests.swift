import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// A server restart that finds a client's link already down.
///
/// Found in a simulate run with link drops and restarts: the client's link dropped, the server restarted while
/// it was down, and the link came back within the client's 4 s window. The client resumed CONNECTED without
/// re-logging in, but the new server process had no session for it: the server answered its `renewToken`
/// (and every other request) with `…_USER_NOT_LOGGED_IN`.
@Suite struct SimulationRestartTests {
    @Test("a restart during a short link drop: the client still re-logs in, and renewToken answers OK")
    func restartDuringLinkDrop() {
        let world = World()
        world.client("alice")
        world.login("alice")
        world.drain()
        world.sim.dropLink(of: world["alice"], restoreAfterMs: 3_000)
        world.sim.run(forMs: 1_000)
        world.sim.restartServer()
        world.settle()
        #expect(
            world.take("alice") == [
                "onConnectionStateChanged(CONNECTION_STATE_RECONNECTING, CONNECTION_CHANGE_REASON_INTERRUPTED)",
                "onConnectionStateChanged(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGE_REASON_LOGIN_SUCCESS)",
            ])
        #expect(world.sim.server.core.session(world["alice"].connection)?.user == "alice")
        #expect(world["alice"].renewToken(ServerFixture.token("alice")) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onRenewTokenResult(RENEW_TOKEN_ERR_OK)"])
        world.check()
    }

    @Test("on a network that drops links and restarts the server, no CONNECTED client is told it is not logged in")
    func seededWorkload() {
        var plan = WorkloadPlan(users: (1...60).map { "u\($0)" }, channels: ["c1", "c2", "c3"])
        plan.durationMs = 30_000
        plan.meanActionIntervalMs = 300
        var faults = FaultPlan(linkDropProbability: 0.002, restartProbability: 0.0005)
        faults.linkDownDurationMs = 1_000...10_000
        faults.restartableEndpoints = [RtmSimulation.serverEndpoint]
        plan.faults = faults
        // Seed 2 restarts the server while a client's link is down (15 wrong answers before the fix).
        let workload = SimulationWorkload(plan: plan, seed: 2, checking: false)
        var wrongly: [String] = []
        var renewedOk = 0
        workload.simulation.observe { entry in
            guard case .callback(let name, let callback) = entry.event,
                workload.simulation.service(named: name)?.connectionState == .connected
            else { return }
            switch callback {
            case .onRenewTokenResult(.ok): renewedOk += 1
            case .onRenewTokenResult(.userNotLoggedIn), .onSendMessageResult(_, .userNotLoggedIn):
                wrongly.append("\(entry)")
            default: break
            }
        }
        let report = workload.run()
        #expect(wrongly.isEmpty, "\(wrongly.prefix(5))")
        // The premise: the server restarted, links dropped, and clients renewed their tokens.
        #expect(report.counters.serverRestarts > 0)
        #expect(report.counters.linkEvents > 20)
        #expect(renewedOk > 20)
    }
}
