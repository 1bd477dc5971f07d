import RTMProtocol

extension ServerMachine {
    /// The server's state: canonical content plus a derived index for lookups.
    ///
    /// The content is five arrays kept in a canonical order (sessions by connection, channels by ID, members by
    /// user ID, invitations by key; the offline store and pending messages in arrival order), so equal states
    /// are equal values and encode identically. Equality, hashing and `Codable` see only the content.
    ///
    /// The index (``ServerIndex``) is a function of the content, maintained by every change the core makes,
    /// so that each event costs O(log n) or O(k) in the items it concerns rather than O(n) in the number of
    /// sessions: at 100k simulated clients a linear scan per event made the server quadratic. The public
    /// setters rebuild it (O(n)): they are for tools that rewrite a state wholesale, not for a hot path.
    ///
    /// - Complexity: ``session(_:)`` O(log n); ``session(user:)`` and ``isOnline(_:)`` O(1) expected;
    ///   ``members(_:)`` O(log c) for c channels; ``invitation(_:)`` O(log i).
    public struct State: Hashable, Sendable, Codable {
        /// What the state is: everything equality, hashing and encoding see.
        struct Content: Hashable, Sendable, Codable {
            var sessions: [Session] = []
            var channels: [ChannelRecord] = []
            var offline: [OfflineMessage] = []
            var pending: [PendingPeerMessage] = []
            var invitations: [InvitationRecord] = []
        }

        var content = Content()
        /// Derived from `content`: never compared, hashed or encoded. Empty and not to be read while
        /// ``indexIsStale``.
        var index = ServerIndex()
        /// Set by a wholesale rewrite that leaves the index to be derived when first needed
        /// (``renamingUsers(_:connection:text:serial:)``: a model checker renames many states it never steps);
        /// ``ServerMachine/apply(_:to:)`` derives it before a step.
        var indexIsStale = false

        public init() {}

        /// A state with this content and its index derived once: for a decoder in this package that
        /// rebuilds states from their canonical encoding (RTMSystem's). A model checker steps such a
        /// state's copies, one per successor; left stale, each copy's step would derive the index again.
        /// The public setters would derive it once per array.
        package init(
            sessions: [Session], channels: [ChannelRecord], offline: [OfflineMessage], pending: [PendingPeerMessage],
            invitations: [InvitationRecord]
        ) {
            content = Content(
                sessions: sessions, channels: channels, offline: offline, pending: pending, invitations: invitations)
            rebuildIndex()
        }

        /// Logged-in client instances, sorted by connection.
        public var sessions: [Session] {
            get { content.sessions }
            set {
                content.sessions = newValue
                rebuildIndex()
            }
        }
        /// Channels with at least one member, sorted by ID.
        public var channels: [ChannelRecord] {
            get { content.channels }
            set {
                content.channels = newValue
                rebuildIndex()
            }
        }
        /// Cached offline messages in arrival order (decision 15).
        public var offline: [OfflineMessage] {
            get { content.offline }
            set {
                content.offline = newValue
                rebuildIndex()
            }
        }
        /// Peer messages handed to a receiver (or queued for a lingering one) and not yet acknowledged.
        public var pending: [PendingPeerMessage] {
            get { content.pending }
            set {
                content.pending = newValue
                rebuildIndex()
            }
        }
        /// Invitations the server is arbitrating, sorted by key.
        public var invitations: [InvitationRecord] {
            get { content.invitations }
            set {
                content.invitations = newValue
                rebuildIndex()
            }
        }

        // MARK: Lookups

        /// The session on `conn`, if any.
        public func session(_ conn: ConnectionID) -> Session? {
            sessionIndex(conn).map { content.sessions[$0] }
        }

        /// Whether a session is on `conn` (``session(_:)`` without copying it out).
        public func hasSession(_ conn: ConnectionID) -> Bool { sessionIndex(conn) != nil }

        /// The session of `user` (the one with the lowest connection, should there be several), if any.
        public func session(user: UserID) -> Session? {
            // Stale: the sessions are sorted by connection, so the first of the user's is its lowest.
            if indexIsStale { return content.sessions.first { $0.user == user } }
            guard let conn = index.connections[user]?.first else { return nil }
            return session(conn)
        }

        /// The members of `channel`, sorted; [] for a channel with no members.
        public func members(_ channel: ChannelID) -> [UserID] {
            channelIndex(channel).map { content.channels[$0].members } ?? []
        }

        /// Whether the server treats `user` as online (logged in, or within the grace).
        public func isOnline(_ user: UserID) -> Bool {
            // Stale (a decoded or renamed state): a scan of the few sessions, not a whole index per
            // question.
            indexIsStale ? content.sessions.contains { $0.user == user } : index.connections[user] != nil
        }

        /// The position of `conn`'s session in `sessions`.
        func sessionIndex(_ conn: ConnectionID) -> Int? {
            let at = content.sessions.lowerBound { $0.conn < conn }
            return at < content.sessions.count && content.sessions[at].conn == conn ? at : nil
        }

        /// The position of `channel` in `channels`.
        func channelIndex(_ channel: ChannelID) -> Int? {
            let at = content.channels.lowerBound { $0.id < channel }
            return at < content.channels.count && content.channels[at].id == channel ? at : nil
        }

        /// Whether `user` is a member of `channel`.
        func isMember(_ user: UserID, of channel: ChannelID) -> Bool {
            guard let at = channelIndex(channel) else { return false }
            return content.channels[at].members.sortedContains(user)
        }

        /// The position of the invitation with `key` in `invitations`.
        func invitationIndex(_ key: InvitationKey) -> Int? {
            let at = content.invitations.lowerBound { $0.key < key }
            return at < content.invitations.count && content.invitations[at].key == key ? at : nil
        }

        // MARK: Equality, hashing, encoding: the content only

        public static func == (a: State, b: State) -> Bool { a.content == b.content }

        public func hash(into hasher: inout Hasher) { content.hash(into: &hasher) }

        /// Decodes the content (the same keys a synthesized `Codable` used) and derives the index.
        public init(from decoder: any Decoder) throws {
            content = try Content(from: decoder)
            rebuildIndex()
        }

        public func encode(to encoder: any Encoder) throws { try content.encode(to: encoder) }

        /// Derives the index from the content from scratch.
        mutating func rebuildIndex() {
            index = ServerIndex(content)
            indexIsStale = false
        }

        /// Derives the index if it is stale (a step reads and changes it many times).
        mutating func ensureIndex() {
            if indexIsStale { rebuildIndex() }
        }
    }
}

/// The derived index of a ``ServerMachine/State``: per-user and per-receiver views of its arrays, so the
/// core finds what an event concerns without scanning everything.
///
/// A function of the state's content (``init(_:)`` derives it from scratch; the core keeps it up to date
/// change by change). No key maps to an empty list or a zero count, so two indexes of equal content are
/// equal. It is excluded from equality, hashing and encoding: it adds nothing to what the state is.
struct ServerIndex: Equatable, Sendable {
    /// The connections of each user's sessions, ascending.
    var connections: [UserID: [ConnectionID]] = [:]
    /// The channels each user is a member of, sorted by ID.
    var channels: [UserID: [ChannelID]] = [:]
    /// How many messages the offline store holds for each receiver.
    var offlineCount: [UserID: Int] = [:]
    /// How many pending (unacknowledged) messages each receiver has.
    var pendingCount: [UserID: Int] = [:]
    /// The keys of the invitations each user is the callee of, sorted.
    var invitationsByCallee: [UserID: [InvitationKey]] = [:]

    init() {}

    init(_ content: ServerMachine.State.Content) {
        for session in content.sessions { connections[session.user, default: []].append(session.conn) }
        for channel in content.channels {
            for member in channel.members { channels[member, default: []].append(channel.id) }
        }
        for message in content.offline { offlineCount[message.to, default: 0] += 1 }
        for message in content.pending { pendingCount[message.to, default: 0] += 1 }
        for record in content.invitations { invitationsByCallee[record.key.callee, default: []].append(record.key) }
    }

    /// Adds `delta` to `user`'s entry of `counts`, dropping the entry at zero.
    static func add(_ delta: Int, to user: UserID, in counts: inout [UserID: Int]) {
        let total = counts[user, default: 0] + delta
        counts[user] = total > 0 ? total : nil
    }

    /// Inserts `item` into `user`'s sorted list in `lists`.
    static func insert<T: Comparable>(_ item: T, for user: UserID, in lists: inout [UserID: [T]]) {
        lists[user, default: []].sortedInsert(item)
    }

    /// Removes `item` from `user`'s sorted list in `lists`, dropping the list when it empties.
    static func remove<T: Comparable>(_ item: T, for user: UserID, in lists: inout [UserID: [T]]) {
        guard var list = lists.removeValue(forKey: user) else { return }
        let at = list.lowerBound { $0 < item }
        if at < list.count && list[at] == item { list.remove(at: at) }
        if !list.isEmpty { lists[user] = list }
    }
}

extension Array {
    /// The first position whose element is not `isBelow` the key, in an array partitioned by `isBelow`
    /// (every element below the key before every other): a binary search.
    ///
    /// - Complexity: O(log n).
    func lowerBound(_ isBelow: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = low + (high - low) / 2
            if isBelow(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension Array where Element: Comparable {
    /// Whether a sorted array contains `item`. - Complexity: O(log n).
    func sortedContains(_ item: Element) -> Bool {
        let at = lowerBound { $0 < item }
        return at < count && self[at] == item
    }

    /// Inserts `item` into a sorted array after any equal elements, as `firstIndex { $0 > item }` would.
    mutating func sortedInsert(_ item: Element) {
        insert(item, at: lowerBound { $0 <= item })
    }
}
