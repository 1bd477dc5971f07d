import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// The shell around the core: routing, timers as outputs, restart.
@Suite struct ServerShellTests {
    @Test("a channel message from a non-member is acked CHANNEL_MESSAGE_ERR_FAILURE and reaches nobody")
    func nonMemberChannelMessage() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.login("bob", on: 2)
        driver.join("lobby", on: 1)
        driver.drain()
        driver.send(.core(.channelMessage("lobby", messageId: 1, text: "hi")), from: 2)
        #expect(driver.take(2) == [.core(.channelMessageAck("lobby", messageId: 1, .failure))])
        #expect(driver.take(1) == [])
        driver.join("lobby", on: 2)
        driver.drain()
        driver.send(.core(.channelMessage("lobby", messageId: 2, text: "hi")), from: 2)
        #expect(driver.take(2) == [.core(.channelMessageAck("lobby", messageId: 2, .ok))])
        #expect(driver.take(1) == [.core(.channelMessage("lobby", from: "bob", messageId: 2, text: "hi"))])
    }

    @Test("a link loss arms the grace timer with its due time; when it fires the others see the member leave")
    func graceTimer() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.login("bob", on: 2)
        driver.join("lobby", on: 1)
        driver.join("lobby", on: 2)
        driver.drain()
        let grace = ServerMachine.ServerTimer.grace(ConnectionID(1))
        #expect(
            driver.server.linkLost(ConnectionID(1))
                == [.startTimer(grace, afterMs: 30_000, dueAtMs: ServerFixture.startMs + 30_000)])
        #expect(driver.server.advanceClock(to: ServerFixture.startMs + 29_999) == [])
        #expect(driver.server.core.isOnline("alice"))
        driver.record(driver.server.advanceClock(to: ServerFixture.startMs + 30_000))
        #expect(driver.take(2) == [.core(.memberLeft("lobby", "alice")), .core(.memberCount("lobby", 1))])
        #expect(!driver.server.core.isOnline("alice"))
        #expect(driver.server.armedTimers.isEmpty)
    }

    @Test("a re-login within the grace cancels the grace timer; its late firing changes nothing")
    func lateGraceTimer() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        let grace = ServerMachine.ServerTimer.grace(ConnectionID(1))
        _ = driver.server.linkLost(ConnectionID(1))
        let outputs = driver.send(
            .relogin(appId: ServerFixture.certApp, token: ServerFixture.token("alice"), userId: "alice", channels: []),
            from: 1)
        #expect(outputs == [.cancelTimer(grace), .send(ConnectionID(1), .core(.reloginAccepted))])
        #expect(driver.server.timerFired(grace) == [])
        #expect(driver.server.core.isOnline("alice"))
    }

    @Test("a restart cancels the armed timers, drops sessions, and a timer of the old run is ignored")
    func restartCancelsTimers() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.login("bob", on: 2)
        let grace = ServerMachine.ServerTimer.grace(ConnectionID(1))
        _ = driver.server.linkLost(ConnectionID(1))
        #expect(driver.server.restart() == [.cancelTimer(grace)])
        #expect(driver.server.core.sessions.isEmpty)
        #expect(driver.server.timerFired(grace) == [])
    }

    @Test("the offline store survives a restart: a cached message reaches the receiver at its next login")
    func offlineStoreSurvivesRestart() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.send(.core(.peerMessage(to: "bob", messageId: 5, text: "later", offline: true)), from: 1)
        #expect(driver.take(1) == [.core(.peerMessageResult(messageId: 5, .cachedByServer))])
        _ = driver.server.restart()
        #expect(!driver.server.core.isOnline("alice"))
        #expect(
            driver.login("bob", on: 2)
                == [
                    .core(.loginAccepted),
                    .core(.peerMessage(from: "alice", messageId: 5, text: "later", isOffline: true)),
                ])
    }

    @Test("a restart clears user attributes but keeps channel attributes")
    func restartStores() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.send(.localUserAttributes(requestId: 1, .set(attributes(1))), from: 1)
        driver.send(
            .channelAttributes(
                requestId: 2, channel: "lobby", .set(attributes(1)), enableNotificationToChannelMembers: false),
            from: 1)
        _ = driver.server.restart()
        #expect(driver.server.userAttributes.users.isEmpty)
        #expect(driver.server.channelAttributes.channels == ["lobby"])
    }

    @Test("advanceClock fires timers in due order, each at its due time")
    func advanceOrder() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.login("bob", on: 2)
        driver.login("carol", on: 3)
        driver.join("lobby", on: 3)
        driver.join("lobby", on: 2)
        driver.join("lobby", on: 1)
        _ = driver.server.linkLost(ConnectionID(2))
        driver.server.nowMs += 5_000
        _ = driver.server.linkLost(ConnectionID(1))
        driver.drain()
        driver.record(driver.server.advanceClock(to: ServerFixture.startMs + 60_000))
        #expect(
            driver.take(3) == [
                .core(.memberLeft("lobby", "bob")), .core(.memberCount("lobby", 2)),
                .core(.memberLeft("lobby", "alice")), .core(.memberCount("lobby", 1)),
            ])
        #expect(driver.server.nowMs == ServerFixture.startMs + 60_000)
    }

    @Test("the core's invitation timers reach the driver as start and cancel outputs")
    func invitationTimers() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.login("bob", on: 2)
        let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)
        let outputs = driver.send(.core(.invitation(key, .invite(content: "", channelId: ""))), from: 1)
        #expect(
            outputs == [
                .send(ConnectionID(2), .core(.invitation(key, .invite(content: "", channelId: "")))),
                .startTimer(.invitation(key, .noAck), afterMs: 30_000, dueAtMs: ServerFixture.startMs + 30_000),
            ])
        driver.send(.core(.invitation(key, .receivedAck)), from: 2)
        #expect(driver.server.armedTimers.map(\.timer) == [.invitation(key, .expire)])
        driver.record(driver.server.advanceClock(to: ServerFixture.startMs + 60_000))
        #expect(driver.take(1).last == .core(.invitation(key, .localFailure(.invitationExpire))))
    }

    @Test("a duplicate or unknown timer firing returns nothing")
    func unknownTimer() {
        let driver = ServerDriver()
        #expect(driver.server.timerFired(.grace(ConnectionID(9))) == [])
    }
}
