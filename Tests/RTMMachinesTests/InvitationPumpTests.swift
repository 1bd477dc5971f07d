import RTMMachines
import RTMProtocol
import Testing

/// A caller and a callee machine pumped against the server rules of docs/invitation-protocol.md.
@Suite("Invitation pump: caller, server, callee")
struct InvitationPumpTests {
    /// A pump where the invitation was sent, delivered and ACKed: both ends are ringing.
    static func ringing() -> InvitationPump {
        var pump = InvitationPump()
        pump.callerCall(.sendRequested(.init(loggedIn: true, content: "call me", channelId: "room")))
        pump.pump()
        return pump
    }

    /// Nothing in flight, no rejection by either machine or the server, no client timer left.
    static func expectQuiet(_ pump: InvitationPump, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(pump.isQuiet, sourceLocation: sourceLocation)
        #expect(pump.violations.isEmpty, sourceLocation: sourceLocation)
        #expect(pump.server.violations.isEmpty, sourceLocation: sourceLocation)
        #expect(pump.callerTimers.isEmpty, sourceLocation: sourceLocation)
        #expect(pump.calleeTimers.isEmpty, sourceLocation: sourceLocation)
    }

    @Test("happy path: invite, ACK, accept, the caller's ACK (3-way handshake); both ACCEPTED")
    func happyAccept() {
        var pump = Self.ringing()
        #expect(pump.caller.sdkState == .receivedByRemote)
        #expect(pump.callee?.sdkState == .invitationReceived)
        #expect(pump.calleeInvite?.content == "call me")
        #expect(pump.calleeInvite?.channelId == "room")
        let accept = pump.calleeCall(.acceptRequested(response: "on my way"))
        #expect(accept == .ok)
        #expect(pump.callee?.sdkState == .acceptSentToLocal)
        pump.deliver(.calleeToServer)
        pump.deliver(.serverToCaller)
        #expect(pump.caller.sdkState == .acceptedByRemote)
        #expect(pump.callee?.sdkState == .acceptSentToLocal)
        pump.pump()
        #expect(pump.callee?.sdkState == .accepted)
        #expect(
            pump.log == [
                "callee: onRemoteInvitationReceived", "caller: onLocalInvitationReceivedByPeer",
                "caller: onLocalInvitationAccepted(on my way)", "callee: onRemoteInvitationAccepted",
            ])
        #expect(pump.server.record == .ended("accepted"))
        Self.expectQuiet(pump)
    }

    @Test("refuse: the callee stays INVITATION_RECEIVED until the server confirms; both REFUSED")
    func refuse() {
        var pump = Self.ringing()
        let refuse = pump.calleeCall(.refuseRequested(response: "busy"))
        #expect(refuse == .ok)
        #expect(pump.callee?.sdkState == .invitationReceived)
        let acceptAfterRefuse = pump.calleeCall(.acceptRequested(response: ""))
        #expect(acceptAfterRefuse == .alreadyEnd)
        pump.pump()
        #expect(pump.caller.sdkState == .refusedByRemote)
        #expect(pump.callee?.sdkState == .refused)
        #expect(
            Array(pump.log.suffix(2)) == [
                "callee: onRemoteInvitationRefused", "caller: onLocalInvitationRefused(busy)",
            ])
        Self.expectQuiet(pump)
    }

    @Test("cancel after the ACK: the callee hears first, then the caller; both CANCELED")
    func cancel() {
        var pump = Self.ringing()
        let cancel = pump.callerCall(.cancelRequested)
        #expect(cancel == .ok)
        #expect(pump.caller.sdkState == .receivedByRemote)
        pump.pump()
        #expect(pump.caller.sdkState == .canceled)
        #expect(pump.callee?.sdkState == .canceled)
        #expect(
            Array(pump.log.suffix(2)) == ["callee: onRemoteInvitationCanceled", "caller: onLocalInvitationCanceled"])
        let cancelAgain = pump.callerCall(.cancelRequested)
        #expect(cancelAgain == .alreadyEnd)
        Self.expectQuiet(pump)
    }

    @Test("cancel while the callee is offline: the caller is CANCELED and the callee never hears of it")
    func cancelBeforeDelivery() {
        var pump = InvitationPump()
        pump.server.calleeOnline = false
        pump.callerCall(.sendRequested(.init(loggedIn: true)))
        pump.pump()
        #expect(pump.caller == .sentToRemote(calleeOffline: true, cancelRequested: false))
        let cancel = pump.callerCall(.cancelRequested)
        #expect(cancel == .ok)
        pump.pump()
        pump.calleeLogsIn()
        pump.pump()
        #expect(pump.caller.sdkState == .canceled)
        #expect(pump.callee == nil)
        Self.expectQuiet(pump)
    }

    @Test("cancel/accept race, the accept reaches the server first: the cancel is a no-op, both ACCEPTED")
    func raceAcceptWins() {
        var pump = Self.ringing()
        let accept = pump.calleeCall(.acceptRequested(response: "yes"))
        #expect(accept == .ok)
        let cancel = pump.callerCall(.cancelRequested)
        #expect(cancel == .ok)
        pump.deliver(.calleeToServer)
        pump.deliver(.callerToServer)
        #expect(pump.server.dropped == ["cancel"])
        pump.pump()
        #expect(pump.caller.sdkState == .acceptedByRemote)
        #expect(pump.callee?.sdkState == .accepted)
        #expect(!pump.log.contains { $0.contains("Canceled") })
        Self.expectQuiet(pump)
    }

    @Test("cancel/accept race, the cancel reaches the server first: both CANCELED, the accept is dropped")
    func raceCancelWins() {
        var pump = Self.ringing()
        let accept = pump.calleeCall(.acceptRequested(response: "yes"))
        #expect(accept == .ok)
        let cancel = pump.callerCall(.cancelRequested)
        #expect(cancel == .ok)
        pump.deliver(.callerToServer)
        pump.deliver(.calleeToServer)
        #expect(pump.server.dropped == ["accept"])
        pump.pump()
        #expect(pump.caller.sdkState == .canceled)
        #expect(pump.callee?.sdkState == .canceled)
        #expect(
            Array(pump.log.suffix(2)) == ["callee: onRemoteInvitationCanceled", "caller: onLocalInvitationCanceled"])
        Self.expectQuiet(pump)
    }

    @Test("cancel/refuse race, the refuse first: both REFUSED")
    func raceRefuseWins() {
        var pump = Self.ringing()
        pump.calleeCall(.refuseRequested(response: "no"))
        pump.callerCall(.cancelRequested)
        pump.deliver(.calleeToServer)
        pump.pump()
        #expect(pump.caller.sdkState == .refusedByRemote)
        #expect(pump.callee?.sdkState == .refused)
        Self.expectQuiet(pump)
    }

    @Test("no ACK within 30 s while the callee is online: PEER_NO_RESPONSE at the caller, the callee's copy expires")
    func noAck() {
        var pump = InvitationPump()
        pump.callerCall(.sendRequested(.init(loggedIn: true)))
        pump.deliver(.callerToServer)
        pump.deliver(.serverToCallee)
        pump.drop(.calleeToServer)  // the callee's ACK is lost
        let fired = pump.fireServer(.noAck)
        #expect(fired)
        pump.pump()
        #expect(pump.caller == .failure(.peerNoResponse))
        #expect(pump.callee == .failure(.invitationExpire))
        #expect(pump.log.contains("caller: onLocalInvitationFailure(LOCAL_INVITATION_ERR_PEER_NO_RESPONSE)"))
        Self.expectQuiet(pump)
    }

    @Test("callee offline for 30 s: PEER_OFFLINE at the caller; the callee never hears of it")
    func calleeOffline() {
        var pump = InvitationPump()
        pump.server.calleeOnline = false
        pump.callerCall(.sendRequested(.init(loggedIn: true)))
        pump.pump()
        #expect(pump.caller.sdkState == .sentToRemote)
        let fired = pump.fireServer(.noAck)
        #expect(fired)
        pump.pump()
        #expect(pump.caller == .failure(.peerOffline))
        #expect(pump.callee == nil)
        #expect(pump.log == ["caller: onLocalInvitationFailure(LOCAL_INVITATION_ERR_PEER_OFFLINE)"])
        Self.expectQuiet(pump)
    }

    @Test("a callee who logs in within 30 s gets the held invitation")
    func calleeLogsInLate() {
        var pump = InvitationPump()
        pump.server.calleeOnline = false
        pump.callerCall(.sendRequested(.init(loggedIn: true)))
        pump.pump()
        pump.calleeLogsIn()
        pump.pump()
        #expect(pump.caller.sdkState == .receivedByRemote)
        #expect(pump.callee?.sdkState == .invitationReceived)
    }

    @Test("60 s after the ACK with no answer: both FAILURE with INVITATION_EXPIRE (decision 9)")
    func expiry() {
        var pump = Self.ringing()
        let fired = pump.fireServer(.expire)
        #expect(fired)
        pump.pump()
        #expect(pump.caller == .failure(.invitationExpire))
        #expect(pump.callee == .failure(.invitationExpire))
        Self.expectQuiet(pump)
    }

    @Test("not logged in (decision 16): OK, then FAILURE with NOT_LOGGEDIN; nothing reaches the server or callee")
    func notLoggedIn() {
        var pump = InvitationPump()
        let send = pump.callerCall(.sendRequested(.init(loggedIn: false)))
        #expect(send == .ok)
        pump.pump()
        #expect(pump.caller.sdkState == .failure)
        #expect(pump.log == ["caller: onLocalInvitationFailure(LOCAL_INVITATION_ERR_NOT_LOGGEDIN)"])
        #expect(pump.server.record == .none)
        #expect(pump.callee == nil)
        Self.expectQuiet(pump)
    }

    @Test("the caller's ACK of the accept is lost: the callee fails with ACCEPT_FAILURE (decision 18)")
    func acceptAckLost() {
        var pump = Self.ringing()
        pump.calleeCall(.acceptRequested(response: ""))
        pump.deliver(.calleeToServer)
        pump.deliver(.serverToCaller)
        pump.drop(.callerToServer)
        let fired = pump.fireServer(.acceptAck)
        #expect(fired)
        pump.pump()
        #expect(pump.callee == .failure(.acceptFailure))
        #expect(pump.caller.sdkState == .acceptedByRemote)  // the handshake cannot tell the caller
        Self.expectQuiet(pump)
    }

    @Test("caller offline when the accept arrives (decision 10): callee PEER_OFFLINE, caller expires by fallback")
    func callerOfflineAtAccept() {
        var pump = Self.ringing()
        pump.server.callerOnline = false
        pump.calleeCall(.acceptRequested(response: ""))
        pump.pump()
        #expect(pump.callee == .failure(.peerOffline))
        #expect(pump.caller.sdkState == .receivedByRemote)
        let fired = pump.fireCaller(.expiry)
        #expect(fired)
        pump.pump()
        #expect(pump.caller == .gaveUp(.invitationExpire))
        #expect(pump.server.dropped == ["abandon"])
        Self.expectQuiet(pump)
    }

    @Test("server unreachable: the caller's no-ACK fallback fires after 35 s with PEER_NO_RESPONSE")
    func fallbackWhenServerUnreachable() {
        var pump = InvitationPump()
        pump.serverReachable = false
        pump.callerCall(.sendRequested(.init(loggedIn: true)))
        #expect(pump.callerTimers[.noAck] == 35_000)
        let fired = pump.fireCaller(.noAck)
        #expect(fired)
        #expect(pump.caller == .gaveUp(.peerNoResponse))
        #expect(pump.log == ["caller: onLocalInvitationFailure(LOCAL_INVITATION_ERR_PEER_NO_RESPONSE)"])
        Self.expectQuiet(pump)
    }

    @Test("the callee's expiry fallback abandons the invitation and the server ends the caller's side too")
    func calleeFallbackAbandons() {
        var pump = Self.ringing()
        let fired = pump.fireCallee(.expiry)
        #expect(fired)
        pump.pump()
        #expect(pump.callee == .gaveUp(.invitationExpire))
        #expect(pump.caller == .failure(.invitationExpire))
        Self.expectQuiet(pump)
    }
}
