/// A call-control peer message between a Signaling client and an RTM client:
/// `<prefix>_<channelId>_<info>`, an RTM text peer message.
///
/// - ``Kind/endCall``: `AgoraRTMLegacyEndcallCompatibleMessagePrefix_<channelId>_<info>`, RTM ≥ 1.2.1's
///   stand-in for Signaling's `endCall` (`AGORA_RTM_ENDCALL_PREFIX`, rtm-reference §1.18, §3.6). A Signaling
///   client's `channelInviteEnd` of an accepted call sends it; one that reaches a Signaling client fires
///   `onInviteEndByPeer`.
/// - ``Kind/dtmf``: `RTMCheckSignalingDTMFPrefix_<channelId>_<digits>`, RTMCheck's own carrier for
///   `channelInviteDTMF` (RTM has no DTMF; the prefix is deliberately not Agora's, so an RTM app never
///   mistakes it for an end of call). It fires `onInviteMsg(…, "dtmf", digits, "")`.
///
/// `<info>` must not contain "_" and may be empty; `<channelId>` may contain "_" (RTM channel IDs allow
/// it), so a message is split at its *last* "_".
///
/// ```swift
/// LegacyCallMessage(.endCall, channelId: "room_1", info: "bye").text
/// // "AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_1_bye"
/// LegacyCallMessage(parsing: "AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_1_")
/// // .endCall, channelId "room_1", info ""
/// ```
public struct LegacyCallMessage: Hashable, Sendable {
    /// Which call-control message.
    public enum Kind: Hashable, Sendable, CaseIterable {
        /// The RTM endCall message.
        case endCall
        /// RTMCheck's DTMF carrier.
        case dtmf

        /// The message prefix, without the "_" that follows it.
        public var prefix: String {
            switch self {
            case .endCall: LegacyCallMessage.endCallPrefix
            case .dtmf: LegacyCallMessage.dtmfPrefix
            }
        }
    }

    /// `AGORA_RTM_ENDCALL_PREFIX` (rtm-reference §1.18).
    public static let endCallPrefix = "AgoraRTMLegacyEndcallCompatibleMessagePrefix"
    /// RTMCheck's DTMF carrier prefix.
    public static let dtmfPrefix = "RTMCheckSignalingDTMFPrefix"

    public var kind: Kind
    /// The Signaling channel (the RTM invitation's channel ID).
    public var channelId: String
    /// The end-of-call info, or the DTMF digits. Never contains "_".
    public var info: String

    /// A message, or nil when `channelId` is empty or `info` contains "_" (§3.6).
    public init?(_ kind: Kind, channelId: String, info: String) {
        guard !channelId.isEmpty, !info.contains("_") else { return nil }
        self.kind = kind
        self.channelId = channelId
        self.info = info
    }

    /// The call-control message `text` carries, or nil for any other text (an ordinary peer message).
    public init?(parsing text: String) {
        guard let kind = Kind.allCases.first(where: { text.hasPrefix($0.prefix + "_") }) else { return nil }
        let rest = text.dropFirst(kind.prefix.count + 1)
        guard let split = rest.lastIndex(of: "_") else { return nil }
        self.init(kind, channelId: String(rest[..<split]), info: String(rest[rest.index(after: split)...]))
    }

    /// The peer message text.
    public var text: String { "\(kind.prefix)_\(channelId)_\(info)" }
}
