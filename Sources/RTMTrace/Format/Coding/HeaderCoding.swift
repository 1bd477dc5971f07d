/// The JSON form of the header line.
enum HeaderCoding {
    static func decode(_ object: JSONObject) throws(TraceLineError) -> TraceHeader {
        var f = FieldReader(object, context: "the header")
        guard let formatValue = f.optionalValue("format") else {
            throw TraceLineError(
                "missing header: the first line must be the header {\"format\":\"\(TraceHeader.formatName)\",...}"
            )
        }
        let format = try FieldReader.string(formatValue, for: "format")
        guard format == TraceHeader.formatName else {
            throw TraceLineError(
                "not an rtmcheck trace: format is \"\(format)\", expected \"\(TraceHeader.formatName)\"")
        }
        let version = try f.int("version")
        guard version == TraceHeader.currentVersion else {
            throw TraceLineError(
                "unsupported trace version \(version) (this reader knows version \(TraceHeader.currentVersion))"
            )
        }
        let scenario = try f.string("scenario")
        let actors = try f.objects("actors") { (e: inout FieldReader) throws(TraceLineError) in
            let name = try e.string("name")
            let apiText = try e.string("api")
            guard let api = TraceAPI(rawValue: apiText) else {
                throw TraceLineError("unknown api \"\(apiText)\" for actor \(name) (expected rtm or signaling)")
            }
            return TraceActor(name: name, api: api, userId: try e.optionalString("userId"))
        }
        guard !actors.isEmpty else { throw TraceLineError("the header declares no actors") }
        for (index, actor) in actors.enumerated() where actors[..<index].contains(where: { $0.name == actor.name }) {
            throw TraceLineError("actor \(actor.name) is declared twice")
        }
        let appValue = try f.value("app")
        guard case .object(let appObject) = appValue else {
            throw FieldReader.mismatch("an object", for: "app", found: appValue)
        }
        var a = FieldReader(appObject, context: "app")
        let appId = try a.string("appId")
        let certificate: TraceCertificate
        switch try a.value("certificate") {
        case .bool(let enabled): certificate = enabled ? .enabled : .none
        case .string(let value): certificate = .value(value)
        case let other:
            throw FieldReader.mismatch("a boolean or the certificate string", for: "certificate", found: other)
        }
        try a.finish()
        let seed = f.optionalValue("seed") == nil ? 0 : try f.uint64("seed")
        let notes = try f.optionalString("notes")
        try f.finish()
        return TraceHeader(
            scenario: scenario, actors: actors, app: TraceApp(appId: appId, certificate: certificate), seed: seed,
            notes: notes, version: version
        )
    }

    static func encode(_ header: TraceHeader) -> JSONObject {
        var o = JSONObject()
        o.append("format", .string(TraceHeader.formatName))
        o.append("version", .number(String(header.version)))
        o.append("scenario", .string(header.scenario))
        o.append(
            "actors",
            .array(
                header.actors.map { actor in
                    var a = JSONObject()
                    a.append("name", .string(actor.name))
                    a.append("api", .string(actor.api.rawValue))
                    a.append("userId", .string(actor.userId))
                    return .object(a)
                }
            )
        )
        var app = JSONObject()
        app.append("appId", .string(header.app.appId))
        switch header.app.certificate {
        case .none: app.append("certificate", .bool(false))
        case .enabled: app.append("certificate", .bool(true))
        case .value(let value): app.append("certificate", .string(value))
        }
        o.append("app", .object(app))
        o.append("seed", .number(String(header.seed)))
        if let notes = header.notes { o.append("notes", .string(notes)) }
        return o
    }
}
