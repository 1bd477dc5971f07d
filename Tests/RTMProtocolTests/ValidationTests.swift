import Testing

@testable import RTMProtocol

private func text(bytes: Int) -> String { String(repeating: "a", count: bytes) }

@Suite("User and channel IDs (rtm-reference §4.1)")
struct IdentifierTests {
    @Test("A user ID of 64 bytes is valid; 65 bytes is too long")
    func userIdLength() {
        #expect(IdentifierRules.userId(text(bytes: 64)) == nil)
        #expect(IdentifierRules.userId(text(bytes: 65)) == .tooLong(bytes: 65, limit: 64))
        #expect(Validation.loginUserId(text(bytes: 64)) == .ok)
        #expect(Validation.loginUserId(text(bytes: 65)) == .invalidArgument)
    }

    @Test("Empty and \"null\" user IDs are invalid; other spellings of null are not reserved")
    func emptyAndNull() {
        #expect(IdentifierRules.userId("") == .empty)
        #expect(IdentifierRules.userId("null") == .reservedNull)
        #expect(Validation.loginUserId("null") == .invalidArgument)
        #expect(Validation.loginUserId("") == .invalidArgument)
        #expect(Validation.loginUserId("NULL") == .ok)
        #expect(Validation.loginUserId("nullable") == .ok)
    }

    @Test("Every allowed punctuation character, a space and a leading space are accepted")
    func allowedCharacters() {
        #expect(Validation.loginUserId("!#$%&()+-:;<=.>?@[]^_{}|~,") == .ok)
        #expect(Validation.loginUserId("Alice 42") == .ok)
        #expect(Validation.loginUserId(" leading") == .ok)
        #expect(Validation.loginUserId("AZaz09") == .ok)
    }

    @Test(
        "Characters outside the set are refused",
        arguments: [
            "a/b", "a*b", "a\"b", "a'b", "a\\b", "a`b",
            "a\tb", "a\nb", "é", "用户", "a😀",
        ])
    func badCharacters(_ id: String) {
        #expect(Validation.loginUserId(id) == .invalidArgument)
        #expect(Validation.peerMessage(peerId: id, text: "hi") == .invalidUserId)
        #expect(Validation.isValidChannelId(id) == false)
    }

    @Test("The byte length, not the character count, is limited")
    func multiByte() {
        // 63 ASCII bytes plus a 2-byte character would be 65 bytes: over the limit, and also not allowed.
        #expect(IdentifierRules.userId(text(bytes: 63) + "é") == .tooLong(bytes: 65, limit: 64))
    }

    @Test("A channel ID of exactly 64 bytes is allowed (decision); 65 is not")
    func channelIdLength() {
        #expect(Validation.isValidChannelId(text(bytes: 64)))
        #expect(!Validation.isValidChannelId(text(bytes: 65)))
        #expect(Validation.joinChannel(channelId: text(bytes: 64)) == .ok)
        #expect(Validation.joinChannel(channelId: text(bytes: 65)) == .invalidArgument)
        #expect(Validation.joinChannel(channelId: "null") == .invalidArgument)
        #expect(Validation.joinChannel(channelId: "") == .invalidArgument)
    }
}

@Suite("Message and invitation sizes (rtm-reference §4.2)")
struct MessageSizeTests {
    @Test("A peer message of 32 KB is sent; 32 KB + 1 byte is INVALID_MESSAGE")
    func peerMessageSize() {
        #expect(Validation.peerMessage(peerId: "bob", text: text(bytes: 32 * 1024)) == .ok)
        #expect(Validation.peerMessage(peerId: "bob", text: text(bytes: 32 * 1024 + 1)) == .invalidMessage)
        #expect(Validation.peerMessage(peerId: "bob", messageBytes: 32_768) == .ok)
        #expect(Validation.peerMessage(peerId: "bob", messageBytes: 32_769) == .invalidMessage)
    }

    @Test("A bad peer ID is reported before a bad message")
    func peerIdFirst() {
        #expect(Validation.peerMessage(peerId: "null", text: text(bytes: 40_000)) == .invalidUserId)
    }

    @Test("An empty text message is allowed (decision)")
    func emptyMessage() {
        #expect(Validation.peerMessage(peerId: "bob", text: "") == .ok)
        #expect(Validation.channelMessage(text: "") == .ok)
    }

    @Test("Message size counts UTF-8 bytes")
    func utf8Bytes() {
        let fourByte = String(repeating: "😀", count: 8 * 1024)  // 32 KB exactly
        #expect(Validation.channelMessage(text: fourByte) == .ok)
        #expect(Validation.channelMessage(text: fourByte + "a") == .invalidMessage)
    }

    @Test("A channel message of 32 KB is sent; 32 KB + 1 is INVALID_MESSAGE")
    func channelMessageSize() {
        #expect(Validation.channelMessage(text: text(bytes: 32 * 1024)) == .ok)
        #expect(Validation.channelMessage(text: text(bytes: 32 * 1024 + 1)) == .invalidMessage)
    }

    @Test("Invitation content and response are limited to 8 KB; its channel ID to 64 bytes")
    func invitationSizes() {
        #expect(Validation.localInvitation(calleeId: "bob", content: text(bytes: 8192), channelId: "") == .ok)
        #expect(
            Validation.localInvitation(calleeId: "bob", content: text(bytes: 8193), channelId: "")
                == .invalidArgument)
        #expect(Validation.localInvitation(calleeId: "bob", content: "", channelId: text(bytes: 64)) == .ok)
        #expect(
            Validation.localInvitation(calleeId: "bob", content: "", channelId: text(bytes: 65)) == .invalidArgument)
        #expect(Validation.localInvitation(calleeId: "null", content: "", channelId: "") == .invalidArgument)
        #expect(Validation.invitationResponse(text(bytes: 8192)) == .ok)
        #expect(Validation.invitationResponse(text(bytes: 8193)) == .invalidArgument)
    }
}

@Suite("Counts (rtm-reference §4.3)")
struct CountTests {
    @Test("queryPeersOnlineStatus takes 1 to 256 valid peers")
    func queryPeers() {
        #expect(Validation.queryPeersOnlineStatus(peerIds: (0..<256).map { "p\($0)" }) == .ok)
        #expect(Validation.queryPeersOnlineStatus(peerIds: (0..<257).map { "p\($0)" }) == .invalidArgument)
        #expect(Validation.queryPeersOnlineStatus(peerIds: []) == .invalidArgument)
        #expect(Validation.queryPeersOnlineStatus(peerIds: ["ok", "null"]) == .invalidArgument)
    }

    @Test("getChannelMemberCount takes 1 to 32 valid channels; 33 is EXCEED_LIMIT")
    func memberCount() {
        #expect(Validation.channelMemberCount(channelIds: (0..<32).map { "c\($0)" }) == .ok)
        #expect(Validation.channelMemberCount(channelIds: (0..<33).map { "c\($0)" }) == .exceedLimit)
        #expect(Validation.channelMemberCount(channelIds: []) == .invalidArgument)
        #expect(Validation.channelMemberCount(channelIds: ["a/b"]) == .invalidArgument)
    }

    @Test("Subscriptions overflow past 512 peers in a call or in total")
    func subscriptions() {
        let many = (0..<512).map { "p\($0)" }
        #expect(Validation.subscribePeers(many, alreadySubscribed: []) == .ok)
        #expect(Validation.subscribePeers(many + ["x"], alreadySubscribed: []) == .overflow)
        #expect(Validation.subscribePeers(["x"], alreadySubscribed: Set(many)) == .overflow)
        #expect(Validation.subscribePeers(["p0"], alreadySubscribed: Set(many)) == .ok)
        #expect(Validation.subscribePeers([], alreadySubscribed: []) == .invalidArgument)
        #expect(Validation.unsubscribePeers(["null"]) == .invalidArgument)
        #expect(Validation.unsubscribePeers(["p1"]) == .ok)
    }

    @Test("The count limits are the reference's")
    func countLimits() {
        #expect(RTMLimits.maxJoinedChannels == 20)
        #expect(RTMLimits.maxMembersReturned == 512)
        #expect(RTMLimits.maxOfflineMessagesPerReceiver == 200)
        #expect(RTMLimits.maxPeersPerOnlineStatusQuery == 256)
        #expect(RTMLimits.maxChannelsPerMemberCountQuery == 32)
        #expect(RTMLimits.Signaling.maxJoinedChannels == 1)
    }
}

@Suite("Legacy Signaling arguments")
struct SignalingValidationTests {
    @Test("An account is 1 to 128 visible characters without a space")
    func account() {
        #expect(Validation.signalingAccount(text(bytes: 128)) == .success)
        #expect(Validation.signalingAccount(text(bytes: 129)) == .loginInvalidUser)
        #expect(Validation.signalingAccount("two words") == .loginInvalidUser)
        #expect(Validation.signalingAccount("") == .loginInvalidUser)
        #expect(Validation.signalingAccount("用户") == .success)
    }

    @Test("A channel name is 1 to 128 visible characters; a message at most 8 KB")
    func channelAndMessage() {
        #expect(Validation.signalingChannelName(text(bytes: 128)) == .success)
        #expect(Validation.signalingChannelName(text(bytes: 129)) == .generalWrongParam)
        #expect(Validation.signalingMessage(text(bytes: 8192)) == .success)
        #expect(Validation.signalingMessage(text(bytes: 8193)) == .generalLargeParam)
    }
}
