import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// Session requests (login, re-login, logout) that a reordering network delivers after a newer one from the
/// same client: the server drops them, so a client that logged in again keeps its session.
///
/// Found in a simulate run (`--reorder`): a client logged out and at once logged in again; the logout was
/// held back and reached the server after the new login, which ended the new session. The client stayed
/// CONNECTED with no session, and the server answered its `renewToken` (and every other request) with
/// `…_USER_NOT_LOGGED_IN`.
@Suite struct ServerStaleSessionRequestTests {
    let app = ServerFixture.certApp

    func login(_ user: UserID) -> KitUplink {
        .login(appId: app, token: ServerFixture.token(user), userId: user)
    }

    @Test("a logout overtaken by the client's next login leaves that login's session: renewToken answers OK")
    func staleLogout() {
        let driver = ServerDriver()
        let renewed = ServerFixture.token("alice", ts: ServerFixture.nowSeconds + 7_200)
        driver.record(driver.server.receive(login("alice"), from: ConnectionID(1), sentOrder: 1))
        #expect(driver.take(1) == [.core(.loginAccepted)])
        // alice logs out (sent 2) and logs in again (sent 3); the login arrives first and is answered.
        driver.record(driver.server.receive(login("alice"), from: ConnectionID(1), sentOrder: 3))
        #expect(driver.take(1) == [.core(.loginAccepted)])
        // Then the held-back logout arrives: it is older than the login the client is now CONNECTED by.
        #expect(driver.server.receive(.core(.logout), from: ConnectionID(1), sentOrder: 2) == [])
        #expect(driver.server.core.session(ConnectionID(1))?.user == "alice")
        driver.record(
            driver.server.receive(.renewToken(token: renewed, requestId: 1), from: ConnectionID(1), sentOrder: 4))
        #expect(driver.take(1) == [.renewTokenResult(requestId: 1, .ok)])
    }

    @Test("a login overtaken by the logout that abandoned it opens no session")
    func staleLogin() {
        let driver = ServerDriver()
        // alice logs in (sent 1) and logs out while CONNECTING (sent 2); the logout arrives first.
        #expect(driver.server.receive(.core(.logout), from: ConnectionID(1), sentOrder: 2) == [])
        #expect(driver.server.receive(login("alice"), from: ConnectionID(1), sentOrder: 1) == [])
        #expect(!driver.server.core.isOnline("alice"))
        // Her next login is handled as usual.
        driver.record(driver.server.receive(login("alice"), from: ConnectionID(1), sentOrder: 3))
        #expect(driver.take(1) == [.core(.loginAccepted)])
    }

    @Test("a duplicate of the current login is still answered; without a send order nothing is dropped")
    func duplicatesAndUnordered() {
        let driver = ServerDriver()
        driver.record(driver.server.receive(login("alice"), from: ConnectionID(1), sentOrder: 5))
        driver.record(driver.server.receive(login("alice"), from: ConnectionID(1), sentOrder: 5))
        #expect(driver.take(1) == [.core(.loginAccepted), .core(.loginAccepted)])
        // A driver that knows no send order (sentOrder nil) gets every request handled in arrival order.
        driver.send(.core(.logout), from: 1)
        #expect(!driver.server.core.isOnline("alice"))
    }

    @Test(
        "on a reordering, duplicating network no CONNECTED client is told it is not logged in",
        arguments: [1, 2] as [UInt64])
    func seededWorkload(seed: UInt64) {
        var plan = WorkloadPlan(users: (1...40).map { "u\($0)" }, channels: ["c1", "c2", "c3"])
        plan.durationMs = 30_000
        plan.meanActionIntervalMs = 300
        plan.faults = FaultPlan(duplicationProbability: 0.05, reorderProbability: 0.1)
        let workload = SimulationWorkload(plan: plan, seed: seed, checking: false)
        var wrongly: [String] = []
        var renewedOk = 0
        var loggedOutAndIn = 0
        var lastCall: [String: RtmApiCall] = [:]
        workload.simulation.observe { entry in
            switch entry.event {
            case .apiCall(let name, let call):
                if case .login = call, case .logout? = lastCall[name] { loggedOutAndIn += 1 }
                lastCall[name] = call
            case .callback(let name, .onRenewTokenResult(let code)):
                if code == .ok { renewedOk += 1 }
                if code == .userNotLoggedIn, workload.simulation.service(named: name)?.connectionState == .connected {
                    wrongly.append("\(entry)")
                }
            case .callback(let name, .onSendMessageResult(_, .userNotLoggedIn)):
                if workload.simulation.service(named: name)?.connectionState == .connected {
                    wrongly.append("\(entry)")
                }
            case .serviceCreated, .apiReturned, .callback, .violation, .network:
                break
            }
        }
        _ = workload.run()
        #expect(wrongly.isEmpty, "\(wrongly.prefix(5))")
        // The premise: clients renewed their tokens, and logged out and straight back in.
        #expect(renewedOk > 20)
        #expect(loggedOutAndIn > 20)
    }
}
