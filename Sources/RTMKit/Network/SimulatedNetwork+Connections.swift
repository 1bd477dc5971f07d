/// Connections that end at one side before the other hears of it: a client that logs out closes its
/// connection at once, while the server goes on sending on it until the logout request reaches it.
///
/// The link itself stays up (both endpoints keep talking to each other over new connections): only one
/// direction is closed, and only until its sender hears of the close. Everything is logged, so a trace shows
/// what was lost there as a `send` followed by a `drop` with reason ``DropReason/linkDown``.
extension SimulatedNetwork {
    /// The receiver `to` closed its end of the connection from `from`: what is in flight from `from` to `to`
    /// is lost, and so is everything `from` sends to `to` until ``reopenDirection(from:to:)``. The other
    /// direction is untouched (the receiver's last words, such as a logout request, still travel).
    public func closeDirection(from: EndpointID, to: EndpointID) {
        dropInFlight(from: from, to: to)
        closedDirections.insert(DirectedLink(from: from, to: to))
    }

    /// The sender `from` heard that `to` closed the direction (or `to` opened a new connection it sends on):
    /// later messages from `from` to `to` travel again.
    public func reopenDirection(from: EndpointID, to: EndpointID) {
        closedDirections.remove(DirectedLink(from: from, to: to))
    }

    /// Whether ``closeDirection(from:to:)`` closed the direction from `from` to `to` and it was not reopened.
    public func isDirectionClosed(from: EndpointID, to: EndpointID) -> Bool {
        closedDirections.contains(DirectedLink(from: from, to: to))
    }

    /// Loses every message in flight from `from` to `to` (reason ``DropReason/linkDown``), oldest first: the
    /// connection that carried them ended at the receiver.
    public func dropInFlight(from: EndpointID, to: EndpointID) {
        for id in inFlight.keys.sorted() {
            guard let envelope = inFlight[id], envelope.from == from, envelope.to == to else { continue }
            inFlight[id] = nil
            record(.dropped(id, .linkDown))
        }
        fifoHorizon[DirectedLink(from: from, to: to)] = nil
    }
}
