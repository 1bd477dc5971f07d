#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension CodesReport {
    /// The report as aligned plain text for a terminal, ending in a newline.
    public var text: String {
        switch self {
        case .list(let list):
            let rows = list.enums.map { [$0.typeName, String($0.caseCount), "§" + $0.section, $0.swiftName] }
            return "\(list.enums.count) enums (rtm-reference §1). Show one with `rtmcheck codes <ENUM>`.\n\n"
                + Self.table(header: ["ENUM", "CASES", "SECTION", "SWIFT"], rows: rows, rightAligned: [1])
        case .table(let table):
            let info = table.enumInfo
            let rows = table.cases.map { [$0.name, String($0.value), $0.meaning] }
            return "\(info.typeName) (Swift \(info.swiftName), rtm-reference §\(info.section))\n"
                + "\(info.summary)\n\n"
                + Self.table(header: ["NAME", "VALUE", "MEANING"], rows: rows, rightAligned: [1])
        case .code(let explanation):
            let info = explanation.enumInfo
            let code = explanation.code
            return "\(code.name) = \(code.value)\n"
                + "  enum:    \(info.typeName) (rtm-reference §\(info.section))\n"
                + "  swift:   \(info.swiftName).\(code.swiftName)\n"
                + "  meaning: \(code.meaning)\n"
        case .matches(let matches):
            let rows = matches.codes.map { [$0.typeName, $0.name, $0.meaning] }
            let count = matches.codes.count == 1 ? "1 code has" : "\(matches.codes.count) codes have"
            return "\(count) value \(matches.value).\n\n"
                + Self.table(header: ["ENUM", "NAME", "MEANING"], rows: rows, rightAligned: [])
        }
    }

    /// The report as pretty-printed JSON with sorted keys (stable across runs), ending in a newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        switch self {
        case .list(let list): data = try? encoder.encode(list)
        case .table(let table): data = try? encoder.encode(table)
        case .code(let explanation): data = try? encoder.encode(explanation)
        case .matches(let matches): data = try? encoder.encode(matches)
        }
        // Encoding plain strings and integers cannot fail; an empty object keeps the output parseable anyway.
        return (data.map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    /// Columns padded to their widest cell, two spaces apart, the last column unpadded.
    static func table(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
        let all = [header] + rows
        let columns = header.count
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.enumerated() where index < columns {
                widths[index] = max(widths[index], cell.count)
            }
        }
        var out = ""
        for row in all {
            var cells: [String] = []
            for (index, cell) in row.enumerated() where index < columns {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if rightAligned.contains(index) {
                    cells.append(padding + cell)
                } else {
                    cells.append(index == columns - 1 ? cell : cell + padding)
                }
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        return out
    }
}
