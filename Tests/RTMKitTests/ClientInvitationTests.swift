import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// Call invitations between two services, end to end through server and network (§2.3–2.5, §3.5).
@Suite struct ClientInvitationTests {
    let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)

    /// alice and bob logged in; alice has sent bob an invitation with content and a channel ID.
    func invited() -> (World, LocalInvitation) {
        let world = World()
        world.client("alice")
        world.client("bob")
        world.login("alice", "bob")
        world.drain()
        let manager = world["alice"].getRtmCallManager(world.log("alice"))
        let invitation = manager.createLocalCallInvitation("bob")!
        #expect(invitation.state == .idle)
        invitation.content = "call me"
        invitation.channelId = "room"
        #expect(manager.sendLocalInvitation(invitation) == .ok)
        world.sim.run(forMs: 1_000)  // Not until quiet: the invitation would expire after 60 s.
        #expect(world.take("bob") == ["onRemoteInvitationReceived(alice->bob#1)"])
        #expect(world.take("alice") == ["onLocalInvitationReceivedByPeer(alice->bob#1)"])
        #expect(invitation.state == .receivedByRemote)
        let remote = world.log("bob").remoteInvitations.first
        #expect(remote?.content == "call me")
        #expect(remote?.channelId == "room")
        #expect(remote?.state == .invitationReceived)
        return (world, invitation)
    }

    @Test("accept: the caller gets onLocalInvitationAccepted with the response, the callee onRemoteInvitationAccepted")
    func accept() throws {
        let (world, invitation) = invited()
        let remote = try #require(world.log("bob").remoteInvitations.first)
        remote.response = "on my way"
        #expect(world["bob"].getRtmCallManager(world.log("bob")).acceptRemoteInvitation(remote) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onLocalInvitationAccepted(alice->bob#1, \"on my way\")"])
        #expect(world.take("bob") == ["onRemoteInvitationAccepted(alice->bob#1)"])
        #expect(invitation.state == .acceptedByRemote)
        #expect(invitation.response == "on my way")
        #expect(remote.state == .accepted)
        #expect(world["bob"].getRtmCallManager(world.log("bob")).refuseRemoteInvitation(remote) == .alreadyAccept)
        world.check()
    }

    @Test("refuse: the caller gets onLocalInvitationRefused with the response, the callee onRemoteInvitationRefused")
    func refuse() throws {
        let (world, invitation) = invited()
        let remote = try #require(world.log("bob").remoteInvitations.first)
        remote.response = "busy"
        #expect(world["bob"].getRtmCallManager(world.log("bob")).refuseRemoteInvitation(remote) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onLocalInvitationRefused(alice->bob#1, \"busy\")"])
        #expect(world.take("bob") == ["onRemoteInvitationRefused(alice->bob#1)"])
        #expect(invitation.state == .refusedByRemote)
        #expect(remote.state == .refused)
        world.check()
    }

    @Test("cancel: both ends end CANCELED; a second cancel returns ALREADY_END")
    func cancel() throws {
        let (world, invitation) = invited()
        let manager = world["alice"].getRtmCallManager(world.log("alice"))
        #expect(manager.cancelLocalInvitation(invitation) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onLocalInvitationCanceled(alice->bob#1)"])
        #expect(world.take("bob") == ["onRemoteInvitationCanceled(alice->bob#1)"])
        #expect(invitation.state == .canceled)
        #expect(manager.cancelLocalInvitation(invitation) == .alreadyEnd)
        #expect(manager.sendLocalInvitation(invitation) == .alreadyEnd)
        world.check()
    }

    @Test("no answer for 60 s: both ends fail with INVITATION_EXPIRE (decision 9)")
    func expire() {
        let (world, invitation) = invited()
        world.settle()
        #expect(
            world.take("alice") == ["onLocalInvitationFailure(alice->bob#1, LOCAL_INVITATION_ERR_INVITATION_EXPIRE)"])
        #expect(
            world.take("bob") == [
                "onRemoteInvitationFailure(alice->bob#1, REMOTE_INVITATION_ERR_INVITATION_EXPIRE)"
            ])
        #expect(invitation.state == .failure)
        world.check()
    }

    @Test("to an offline callee: LOCAL_INVITATION_ERR_PEER_OFFLINE after 30 s; the callee never hears of it")
    func calleeOffline() {
        let world = World()
        world.client("alice")
        world.client("carol")
        world.login("alice")
        world.drain()
        let manager = world["alice"].getRtmCallManager(world.log("alice"))
        let invitation = manager.createLocalCallInvitation("carol")!
        #expect(manager.sendLocalInvitation(invitation) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onLocalInvitationFailure(alice->carol#1, LOCAL_INVITATION_ERR_PEER_OFFLINE)"])
        #expect(world.sim.nowMs >= 30_000)
        world.login("carol")
        #expect(world.take("carol") == loginCallbacks)
        world.check()
    }

    @Test("sendLocalInvitation before login returns OK, then fails with NOT_LOGGEDIN (decision 16)")
    func notLoggedIn() {
        let world = World()
        world.client("alice")
        let manager = world["alice"].getRtmCallManager(world.log("alice"))
        let invitation = manager.createLocalCallInvitation("bob")!
        #expect(manager.sendLocalInvitation(invitation) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onLocalInvitationFailure(->bob#1, LOCAL_INVITATION_ERR_NOT_LOGGEDIN)"])
        #expect(invitation.state == .failure)
        world.check()
    }

    @Test("created before login, sent after: the invitation takes the logged-in user as its caller")
    func createdBeforeLogin() {
        let world = World()
        world.client("alice")
        world.client("bob")
        let manager = world["alice"].getRtmCallManager(world.log("alice"))
        let invitation = manager.createLocalCallInvitation("bob")!
        world.login("alice", "bob")
        world.drain()
        #expect(manager.sendLocalInvitation(invitation) == .ok)
        #expect(invitation.key == key)
        world.settle()
        #expect(world.take("bob").first == "onRemoteInvitationReceived(alice->bob#1)")
        world.check()
    }
}
