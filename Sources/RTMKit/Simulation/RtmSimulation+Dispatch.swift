import RTMMachines
import RTMProtocol

/// Dispatching what the network hands out, and carrying out what the server and the services ask of it.
extension RtmSimulation: RtmServiceHost {
    func dispatch(_ event: NetworkEvent<KitMessage>) {
        server.nowMs = unixNowMs
        switch event {
        case .delivered(let envelope):
            counters.deliveries += 1
            switch envelope.message {
            case .up(let uplink):
                guard envelope.to == Self.serverEndpoint, let from = serviceByEndpoint[envelope.from] else { return }
                // Message IDs follow send order; a duplicate is as old as its original.
                let sentOrder = (envelope.duplicateOf ?? envelope.id).rawValue
                // The server hears of the client's logout, or of its new connection: it sends on the
                // connection the client now uses (see `connectionClosed(by:)`).
                if uplink.isSessionRequest { network.reopenDirection(from: Self.serverEndpoint, to: envelope.from) }
                carryOut(server.receive(uplink, from: from.connection, sentOrder: sentOrder))
            case .down(let downlink):
                serviceByEndpoint[envelope.to]?.receive(downlink)
            }
        case .timerFired(let id, let token):
            counters.timersFired += 1
            if token.owner == Self.serverEndpoint {
                guard let timer = serverTimers.removeValue(forKey: id) else { return }
                serverTimerIds[timer] = nil
                carryOut(server.timerFired(timer))
            } else {
                serviceByEndpoint[token.owner]?.timerFired(id)
            }
        case .linkDown(let link):
            counters.linkEvents += 1
            guard let service = client(of: link) else { return }
            carryOut(server.linkLost(service.connection))
            service.linkLost()
        case .linkUp(let link):
            counters.linkEvents += 1
            client(of: link)?.linkRestored()
        case .endpointRestarted(let endpoint):
            guard endpoint == Self.serverEndpoint else { return }
            counters.serverRestarts += 1
            serverTimers.removeAll()
            serverTimerIds.removeAll()
            carryOut(server.restart())
            // The server's connections die with its process: every client sees its link drop. A link that is
            // down already (a drop that the restart overtook) goes down afresh for the whole restart: were it to
            // come back on its own sooner, the client would resume within its 4 s window without re-logging
            // in, CONNECTED with no session on the new server process.
            for service in services where !service.isReleased {
                let endpoint = EndpointID(service.name)
                if !network.linkDown(Self.serverEndpoint, endpoint, restoreAfterMs: restartLinkDownMs) {
                    network.linkUp(Self.serverEndpoint, endpoint)
                    network.linkDown(Self.serverEndpoint, endpoint, restoreAfterMs: restartLinkDownMs)
                }
            }
        }
    }

    func client(of link: LinkID) -> RtmService? {
        let other = link.a == Self.serverEndpoint ? link.b : link.a
        return serviceByEndpoint[other]
    }

    /// Carries out the server's outputs: messages onto the network, timers on the network's clock.
    func carryOut(_ outputs: [RtmServer.Output]) {
        for output in outputs {
            switch output {
            case .send(let conn, let message):
                guard let service = service(conn), !service.isReleased else { continue }
                network.send(.down(message), from: Self.serverEndpoint, to: EndpointID(service.name))
            case .startTimer(let timer, let afterMs, _):
                cancelServerTimer(timer)
                let id = network.schedule(
                    after: UInt64(max(0, afterMs)), TimerToken(owner: Self.serverEndpoint, label: Self.label(timer)))
                serverTimerIds[timer] = id
                serverTimers[id] = timer
            case .cancelTimer(let timer):
                cancelServerTimer(timer)
            }
        }
        if server.violations.count > reportedServerViolations {
            for violation in server.violations[reportedServerViolations...] {
                record(.violation(source: Self.serverEndpoint.rawValue, violation))
            }
            reportedServerViolations = server.violations.count
        }
    }

    func cancelServerTimer(_ timer: ServerMachine.ServerTimer) {
        guard let id = serverTimerIds.removeValue(forKey: timer) else { return }
        serverTimers[id] = nil
        network.cancel(id)
    }

    static func label(_ timer: ServerMachine.ServerTimer) -> String {
        switch timer {
        case .grace: "grace"
        case .invitation: "invitation"
        }
    }

    // MARK: RtmServiceHost

    var clockMs: Int64 { Int64(network.nowMs) }

    var isObserved: Bool { !observers.isEmpty }

    func send(_ uplink: KitUplink, from service: RtmService) {
        network.send(.up(uplink), from: EndpointID(service.name), to: Self.serverEndpoint)
    }

    func scheduleTimer(afterMs: Int, for service: RtmService, label: String) -> TimerID {
        network.schedule(after: UInt64(max(0, afterMs)), TimerToken(owner: EndpointID(service.name), label: label))
    }

    func cancelTimer(_ id: TimerID) {
        network.cancel(id)
    }

    /// A logout closes the service's connection at once, but the server hears of it only when the logout
    /// request arrives: until then (or until it hears a new login), what it sends to the service is lost
    /// on the closed connection, and never reaches the service's next session.
    func connectionClosed(by service: RtmService) {
        network.closeDirection(from: Self.serverEndpoint, to: EndpointID(service.name))
    }

    /// A new connection: what the server sent on the old one and is still in flight is lost with it.
    func connectionOpened(by service: RtmService) {
        network.dropInFlight(from: Self.serverEndpoint, to: EndpointID(service.name))
    }

    func countApiCall() { counters.apiCalls += 1 }

    func countCallback() { counters.callbacks += 1 }
}
