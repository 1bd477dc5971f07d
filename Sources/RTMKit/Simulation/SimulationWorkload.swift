import RTMMachines
import RTMProtocol

/// Runs a ``WorkloadPlan`` on an ``RtmSimulation``: users take random actions (seeded) while the network
/// injects the plan's faults; a ``SimulationChecker`` watches the event stream and judges the properties.
///
/// Deterministic: the same plan and seed give the same ``SimulationReport`` (and the same event stream).
/// Every random choice is drawn from one ``SeededRandom``, and every collection it draws from is sorted.
public final class SimulationWorkload {
    public let plan: WorkloadPlan
    public let seed: UInt64
    /// The simulation (its counters, server and services stay readable after ``run()``).
    public let simulation: RtmSimulation
    /// The property checker, when checking is on.
    public let checker: SimulationChecker?
    var random: SeededRandom
    var services: [RtmService] = []
    var sequence = 0

    /// A workload for `plan` whose choices and faults are drawn from `seed`. With `checking` off nothing observes
    /// the stream (for benchmarks): the report then has counts but no property verdicts.
    public init(plan: WorkloadPlan, seed: UInt64, checking: Bool = true) {
        self.plan = plan
        self.seed = seed
        random = SeededRandom(seed: seed ^ 0x5EED_F00D)
        simulation = RtmSimulation(
            seed: seed, apps: AppRegistry([.init(appId: plan.appId)]), faults: plan.faults, latencyMs: plan.latencyMs)
        checker = checking ? SimulationChecker(simulation) : nil
        services.reserveCapacity(plan.users.count)
        for user in plan.users {
            services.append(simulation.createService(appId: plan.appId, handler: nil, name: user))
        }
    }

    /// Runs the users for ``WorkloadPlan/durationMs``, then lets the simulation drain, and reports.
    public func run() -> SimulationReport {
        var owed = 0.0
        let perTick = Double(plan.users.count) * Double(plan.tickMs) / Double(max(1, plan.meanActionIntervalMs))
        while simulation.nowMs < plan.durationMs {
            owed += perTick
            while owed >= 1 {
                owed -= 1
                act(Int(random.nextBelow(UInt64(services.count))))
            }
            simulation.run(forMs: plan.tickMs)
        }
        simulation.run(forMs: plan.drainMs)
        return SimulationReport(
            clients: plan.users.count, virtualMs: simulation.nowMs, seed: seed, faults: plan.faults,
            counters: simulation.counters, checker: checker)
    }

    /// User `index` takes one action: mostly a login when not logged in, else one from its menu.
    func act(_ index: Int) {
        let service = services[index]
        let menu = plan.menus[index]
        switch service.connectionState {
        case .disconnected, .aborted:
            if menu.isEmpty || random.chance(0.8) {
                if service.connectionState == .aborted { service.logout() }
                service.login(token: plan.appId, userId: plan.users[index])
                return
            }
        case .connecting, .connected, .reconnecting:
            guard !menu.isEmpty else { return }
        }
        perform(weighted(menu), by: service, index)
    }

    /// An action drawn from `menu` by ``WorkloadAction/weight``.
    func weighted(_ menu: [WorkloadAction]) -> WorkloadAction {
        let total = menu.reduce(0) { $0 + $1.weight }
        var draw = Int(random.nextBelow(UInt64(max(1, total))))
        for action in menu {
            draw -= action.weight
            if draw < 0 { return action }
        }
        return menu[menu.count - 1]
    }

    func perform(_ action: WorkloadAction, by service: RtmService, _ index: Int) {
        var requestId = 0
        switch action {
        case .login:
            service.login(token: plan.appId, userId: plan.users[index])
        case .logout:
            service.logout()
        case .renewToken:
            service.renewToken(plan.appId)
        case .join(let channel):
            self.channel(channel, of: service).join()
        case .leave(let channel):
            self.channel(channel ?? joinedChannel(of: service), of: service).leave()
        case .sendMessage(let channel):
            self.channel(channel ?? joinedChannel(of: service), of: service).sendMessage(
                RtmMessage(text: nextText(index)))
        case .getMembers(let channel):
            self.channel(channel, of: service).getMembers()
        case .sendMessageToPeer(let peer, let offline):
            service.sendMessageToPeer(
                peer ?? randomPeer(of: index), message: RtmMessage(text: nextText(index)),
                options: SendMessageOptions(enableOfflineMessaging: offline))
        case .queryPeersOnlineStatus(let peer):
            service.queryPeersOnlineStatus([peer ?? randomPeer(of: index)], requestId: &requestId)
        case .setLocalUserAttributes:
            service.setLocalUserAttributes([RtmAttribute(key: "seq", value: nextText(index))], requestId: &requestId)
        case .sendLocalInvitation(let peer):
            let manager = service.getRtmCallManager(nil)
            guard let invitation = manager.createLocalCallInvitation(peer ?? randomPeer(of: index)) else { return }
            invitation.content = nextText(index)
            manager.sendLocalInvitation(invitation)
        case .cancelLocalInvitation:
            let pending = service.createdInvitations.filter {
                $0.state == .sentToRemote || $0.state == .receivedByRemote
            }
            guard let invitation = pick(pending) else { return }
            service.getRtmCallManager(nil).cancelLocalInvitation(invitation)
        case .acceptRemoteInvitation, .refuseRemoteInvitation:
            let pending = service.receivedInvitations.filter { $0.state == .invitationReceived }
            guard let invitation = pick(pending) else { return }
            let manager = service.getRtmCallManager(nil)
            if action == .acceptRemoteInvitation {
                manager.acceptRemoteInvitation(invitation)
            } else {
                manager.refuseRemoteInvitation(invitation)
            }
        }
    }

    /// The service's channel object for `id` (or a random channel), created on first use.
    func channel(_ id: ChannelID?, of service: RtmService) -> RtmChannel {
        let channelId = id ?? plan.channels[Int(random.nextBelow(UInt64(plan.channels.count)))]
        if let channel = service.channels[channelId] { return channel }
        return service.createChannel(channelId, nil) ?? RtmChannel(service: service, channelId: channelId, handler: nil)
    }

    /// A channel the service has joined, if any (else a random one is drawn).
    func joinedChannel(of service: RtmService) -> ChannelID? {
        pick(service.core.channels.filter { $0.machine.membership == .joined }.map(\.id))
    }

    func randomPeer(of index: Int) -> UserID {
        guard plan.users.count > 1 else { return plan.users[index] }
        let other = Int(random.nextBelow(UInt64(plan.users.count - 1)))
        return plan.users[other >= index ? other + 1 : other]
    }

    func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int(random.nextBelow(UInt64(items.count)))]
    }

    /// A text unique in the run (so the checker can follow each message): `<user>#<n>`.
    func nextText(_ index: Int) -> String {
        sequence += 1
        return "\(plan.users[index])#\(sequence)"
    }
}
