import RTMMachines

/// Turns one trace line into a ``TraceEvent`` or ``TraceHeader`` and back.
///
/// Each line is one JSON object; which kind of line it is comes from the one key among `call`,
/// `callback`, `signaling`, `signalingCallback`, `network` and `clock` that it holds (`format` for the
/// header). The encoder writes keys in a fixed order, so the same event always gives the same bytes.
///
/// ```swift
/// let event = try TraceLineCoder.decodeEvent(#"{"network":"deliver","id":12}"#)
/// // .network(.deliver(id: 12))
/// try TraceLineCoder.encode(event)   // {"network":"deliver","id":12}
/// ```
public enum TraceLineCoder {
    /// The keys that say what kind of line an object is.
    public static let kindKeys = ["call", "callback", "signaling", "signalingCallback", "network", "clock"]

    // MARK: - Events

    /// Decodes one event line (without its newline).
    public static func decodeEvent(_ line: String) throws(TraceLineError) -> TraceEvent {
        try decodeEvent(object(try parse(Array(line.utf8))))
    }

    /// Decodes an event from the line's parsed JSON object.
    public static func decodeEvent(_ object: JSONObject) throws(TraceLineError) -> TraceEvent {
        let kind = try kindKey(of: object)
        var f = FieldReader(object, context: "a \(kind) line", known: ["actor", kind])
        let event: TraceEvent
        switch kind {
        case "call":
            let actor = try f.string("actor")
            let name = try f.string("call")
            f = FieldReader(object, context: name, known: f.asked)
            guard let call = try CallCoding.decode(name, &f) else {
                throw unknownName(
                    name, kind: "call", among: CallCoding.names, other: CallbackCoding.names, otherKey: "callback")
            }
            event = .call(actor: actor, call, returned: try ResultCoding.decode(call.resultShape, &f))
        case "callback":
            let actor = try f.string("actor")
            let name = try f.string("callback")
            f = FieldReader(object, context: name, known: f.asked)
            guard let callback = try CallbackCoding.decode(name, &f) else {
                throw unknownName(
                    name, kind: "callback", among: CallbackCoding.names, other: CallCoding.names, otherKey: "call")
            }
            event = .callback(actor: actor, callback)
        case "signaling", "signalingCallback":
            let actor = try f.string("actor")
            let name = try f.string(kind)
            f = FieldReader(object, context: name, known: f.asked)
            let args = try StepCoding.decodeSignalingArgs(&f)
            event =
                kind == "signaling"
                ? .signalingCall(actor: actor, name: name, args: args)
                : .signalingCallback(actor: actor, name: name, args: args)
        case "network":
            f = FieldReader(object, context: "a network line", known: ["network"])
            let name = try f.string("network")
            f = FieldReader(object, context: "network \(name)", known: f.asked)
            guard let step = try StepCoding.decodeNetwork(name, &f) else {
                throw TraceLineError(
                    "unknown network step \(name)\(didYouMean(name, among: StepCoding.networkNames))"
                        + " (steps: \(StepCoding.networkNames.joined(separator: ", ")))"
                )
            }
            event = .network(step)
        default:  // "clock": kindKey(of:) returns only kindKeys.
            f = FieldReader(object, context: "a clock line", known: ["clock"])
            event = .clock(try StepCoding.decodeClock(try f.string("clock")))
        }
        try f.finish()
        return event
    }

    /// The line for `event`, without a newline.
    ///
    /// - Throws: ``TraceLineError`` when a call's `returned` value is not of the kind its method returns
    ///   (`login` returning a `JoinChannelErr`): such a line could not be read back.
    public static func encode(_ event: TraceEvent) throws(TraceLineError) -> String {
        JSONText.render(.object(try jsonObject(for: event)))
    }

    /// The JSON object of `event`'s line, keys in the format's fixed order.
    public static func jsonObject(for event: TraceEvent) throws(TraceLineError) -> JSONObject {
        var o = JSONObject()
        switch event {
        case .call(let actor, let call, let returned):
            o.append("actor", .string(actor))
            o.append("call", .string(call.sdkName))
            CallCoding.encode(call, into: &o)
            if let returned {
                guard returned.shape == call.resultShape else {
                    throw TraceLineError("\(call.sdkName) cannot return \(returned) (\(returned.shape))")
                }
                ResultCoding.encode(returned, into: &o)
            }
        case .callback(let actor, let callback):
            o.append("actor", .string(actor))
            o.append("callback", .string(callback.sdkName))
            CallbackCoding.encode(callback, into: &o)
        case .signalingCall(let actor, let name, let args):
            o.append("actor", .string(actor))
            o.append("signaling", .string(name))
            StepCoding.encodeSignalingArgs(args, into: &o)
        case .signalingCallback(let actor, let name, let args):
            o.append("actor", .string(actor))
            o.append("signalingCallback", .string(name))
            StepCoding.encodeSignalingArgs(args, into: &o)
        case .network(let step):
            StepCoding.encode(step, into: &o)
        case .clock(let clock):
            o.append("clock", .string(StepCoding.encodeClock(clock)))
        }
        return o
    }

    // MARK: - Header

    /// Decodes the header line.
    public static func decodeHeader(_ line: String) throws(TraceLineError) -> TraceHeader {
        try decodeHeader(object(try parse(Array(line.utf8))))
    }

    /// The line for `header`, without a newline.
    public static func encode(_ header: TraceHeader) -> String {
        JSONText.render(.object(HeaderCoding.encode(header)))
    }

    /// Decodes the header from the line's parsed JSON object.
    public static func decodeHeader(_ object: JSONObject) throws(TraceLineError) -> TraceHeader {
        try HeaderCoding.decode(object)
    }

    // MARK: - Helpers

    static func parse(_ bytes: [UInt8]) throws(TraceLineError) -> JSONValue {
        do {
            return try JSONLineParser.parse(bytes)
        } catch {
            throw TraceLineError(message(for: error))
        }
    }

    static func message(for error: JSONSyntaxError) -> String {
        error.isTruncated ? error.message : "invalid JSON at column \(error.column): \(error.message)"
    }

    static func object(_ value: JSONValue) throws(TraceLineError) -> JSONObject {
        guard case .object(let object) = value else {
            throw TraceLineError("expected a JSON object on the line, found \(value.kindDescription)")
        }
        return object
    }

    /// The one kind key `object` holds.
    static func kindKey(of object: JSONObject) throws(TraceLineError) -> String {
        let present = kindKeys.filter { object[$0] != nil }
        if present.count > 1 {
            throw TraceLineError("a line is one thing, but this one has \(present.joined(separator: " and "))")
        }
        if let kind = present.first { return kind }
        if object["format"] != nil { throw TraceLineError("a second header line (format) after the first") }
        var hint = ""
        for key in object.keys where hint.isEmpty {
            hint = didYouMean(key, among: kindKeys)
        }
        throw TraceLineError("a line needs one of \(kindKeys.joined(separator: ", "))\(hint)")
    }

    private static func unknownName(
        _ name: String, kind: String, among names: [String], other: [String], otherKey: String
    ) -> TraceLineError {
        if other.contains(name) {
            return TraceLineError("\(name) is a \(otherKey), not a \(kind): write \"\(otherKey)\":\"\(name)\"")
        }
        return TraceLineError("unknown \(kind) \(name)\(didYouMean(name, among: names))")
    }
}
