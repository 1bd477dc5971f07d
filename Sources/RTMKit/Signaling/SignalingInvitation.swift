import RTMMachines

/// One Signaling invitation, keyed by channel and peer (§3.7), carried by one RTM call invitation whose
/// channel ID is the Signaling channel (§3.6).
///
/// ### Legal transitions
/// - outgoing: `checkingPeer -> creating -> sent -> accepted | canceling`, ending when refused, failed,
///   canceled or ended; `checkingPeer` only with `"_require_peer_online": 1`.
/// - incoming: `received -> accepting -> accepted`, ending when refused, canceled, failed or ended.
public struct SignalingInvitation: Hashable, Sendable, Identifiable {
    /// A number the adapter gives each invitation, so a late RTM return finds the right one.
    public struct ID: Hashable, Sendable, CustomStringConvertible {
        public var raw: Int
        public var description: String { "inv\(raw)" }
    }

    /// Who invited whom.
    public enum Direction: Hashable, Sendable {
        /// We called `channelInviteUser` / `channelInviteUser2`.
        case outgoing
        /// An RTM or Signaling peer invited us.
        case incoming
    }

    /// Where the invitation is.
    public enum Phase: Hashable, Sendable {
        /// We are asking the server whether the callee is online (`_require_peer_online`).
        case checkingPeer
        /// We asked RTM for a local invitation object; we do not have its key yet.
        case creating
        /// We sent the RTM invitation; the callee has not answered.
        case sent
        /// `channelInviteEnd` canceled our pending invitation; if the callee's accept wins the race
        /// (decision 11), we end the call with the endCall message.
        case canceling
        /// We received the invitation and have not answered.
        case received
        /// We accepted; the caller's ACK has not arrived.
        case accepting
        /// The call is established: only `channelInviteEnd` (the endCall message) ends it.
        case accepted
    }

    public var id: ID
    /// The Signaling channel (the RTM invitation's channel ID).
    public var channel: String
    /// The other party's account.
    public var peer: String
    public var direction: Direction
    /// The caller's `extra` (the RTM invitation's content).
    public var extra: String
    /// The carrying RTM invitation, once RTM created it.
    public var rtmKey: InvitationKey?
    public var phase: Phase
}
